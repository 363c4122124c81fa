package org.learninghub.connect.lti.migration;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.learninghub.connect.lti.launch.LaunchContext;
import org.learninghub.connect.lti.registration.PlatformRegistration;

/**
 * Applied to every validated launch: when it carries the LTI 1.1 migration claim and the registration keeps
 * an LTI 1.1 consumer, verifies {@code oauth_consumer_key_sign} ({@link Lti1p1Signature}) and, only then,
 * links the claim's 1.1 {@code user_id} (or, when the claim has none, the {@code sub}, which the guide says
 * is then the same value) to this platform's 1.3 {@code sub} and hands the launch on with that id.
 *
 * <p>A missing, malformed or wrong signature, a consumer key other than the registration's, or no stored
 * consumer never links anything; the launch itself goes on unchanged (the claim is optional and a launch
 * is valid without it), and the reason is logged at INFO.
 */
@ApplicationScoped
public class Lti1p1Migration {

    public static final String CLAIM = "https://purl.imsglobal.org/spec/lti/claim/lti1p1";
    private static final Logger LOG = Logger.getLogger(Lti1p1Migration.class.getName());

    @Inject
    Lti1p1Consumers consumers;

    @Inject
    Lti1p1UserLinks links;

    /** {@code nonce} is the id_token's, already checked against the login's. */
    public LaunchContext apply(LaunchContext launch, JWTClaimsSet claims, PlatformRegistration registration, String nonce) {
        try {
            return verifyAndLink(launch, claims, registration, nonce);
        } catch (RuntimeException e) {
            // The launch itself is valid: a link that cannot be checked or recorded now is not worth refusing it.
            LOG.warning(() -> "LTI 1.1 migration claim not processed on registration " + registration.id() + ": " + e);
            return launch;
        }
    }

    private LaunchContext verifyAndLink(LaunchContext launch, JWTClaimsSet claims, PlatformRegistration registration,
                                        String nonce) {
        Map<String, Object> claim;
        try {
            claim = claims.getJSONObjectClaim(CLAIM);
        } catch (ParseException e) {
            return refuse(launch, "the lti1p1 claim is not an object");
        }
        if (claim == null || launch.subject().isEmpty()) {
            return launch;
        }
        Optional<String> key = text(claim, "oauth_consumer_key");
        Optional<String> sign = text(claim, "oauth_consumer_key_sign");
        Optional<String> userId = text(claim, "user_id");
        if (key.isEmpty() || sign.isEmpty()) {
            return refuse(launch, "the lti1p1 claim has no oauth_consumer_key or oauth_consumer_key_sign");
        }
        Optional<Lti1p1Consumer> consumer = consumers.find(registration.id());
        if (consumer.isEmpty() || !consumer.get().consumerKey().equals(key.get())) {
            return refuse(launch, "the registration keeps no LTI 1.1 consumer with the claim's oauth_consumer_key");
        }
        if (claims.getExpirationTime() == null || nonce == null) {
            return refuse(launch, "the launch has no exp or nonce to verify the lti1p1 signature over");
        }
        String base = Lti1p1Signature.baseString(key.get(), launch.deploymentId(), launch.issuer(),
                registration.clientId(), claims.getExpirationTime().getTime() / 1000, nonce);
        if (!Lti1p1Signature.verifies(sign.get(), base, consumer.get().secret())) {
            return refuse(launch, "oauth_consumer_key_sign does not verify under the registration's LTI 1.1 secret");
        }
        String lti11UserId = userId.orElse(launch.subject().get());
        links.link(launch.issuer(), launch.subject().get(), registration.id(), key.get(), lti11UserId);
        LOG.fine(() -> "LTI 1.1 user linked on registration " + registration.id());
        return launch.withLti11UserId(lti11UserId);
    }

    private static LaunchContext refuse(LaunchContext launch, String reason) {
        LOG.info(() -> "LTI 1.1 migration claim ignored on registration " + launch.registrationId() + ": " + reason
                + "; no accounts linked");
        return launch;
    }

    private static Optional<String> text(Map<String, Object> claim, String name) {
        Object value = claim.get(name);
        if (!(value instanceof String s) || s.isBlank() || s.length() > 255) {
            return Optional.empty();
        }
        return Optional.of(s);
    }
}
