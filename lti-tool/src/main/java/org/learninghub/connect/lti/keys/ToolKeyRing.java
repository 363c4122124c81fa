package org.learninghub.connect.lti.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.learninghub.connect.lti.settings.LtiSettings;

/**
 * The tool's keys as the rest of the tool uses them: the key that signs now and the public set to publish.
 * Rotation happens on use: whenever the keys are read, a successor is made if the policy says one is due,
 * so no timer is needed (Payara Micro without Hazelcast has none that survive) and every node agrees,
 * because the keys live in the database.
 */
@ApplicationScoped
public class ToolKeyRing {

    static final int KEY_SIZE = 2048;
    private static final Logger LOG = Logger.getLogger(ToolKeyRing.class.getName());

    @Inject
    ToolKeyRepository repository;

    @Inject
    LtiSettings settings;

    /** The private key that signs tool messages now. */
    public RSAKey signingKey() {
        Instant now = Instant.now();
        return policy().signing(current(now), now)
                .orElseThrow(() -> new IllegalStateException("no tool key is active"))
                .key();
    }

    /** The public keys to publish at {@code /lti/jwks}; never a private part. */
    public JWKSet publicKeys() {
        Instant now = Instant.now();
        List<JWK> keys = policy().published(current(now), now).stream().map(k -> (JWK) k.key()).toList();
        return new JWKSet(keys).toPublicJWKSet();
    }

    /** Every stored key, oldest first, with whether it signs and whether it is published now. */
    public List<ToolKeyStatus> status() {
        Instant now = Instant.now();
        List<ToolKey> keys = current(now);
        String signing = policy().signing(keys, now).map(ToolKey::kid).orElse("");
        var published = policy().published(keys, now).stream().map(ToolKey::kid).toList();
        return keys.stream()
                .sorted(java.util.Comparator.comparing(ToolKey::activates))
                .map(k -> new ToolKeyStatus(k.kid(), k.created(), k.activates(), k.kid().equals(signing),
                        published.contains(k.kid())))
                .toList();
    }

    /**
     * Makes a new key that starts signing after the publish-ahead period, whatever the schedule says: for an
     * operator who wants to rotate now. Returns its kid.
     */
    public synchronized String rotate() {
        Instant now = Instant.now();
        ToolKey key = generate(now, now.plus(settings.keyPublishAhead()));
        repository.add(key);
        return key.kid();
    }

    private synchronized List<ToolKey> current(Instant now) {
        List<ToolKey> keys = repository.all();
        var next = policy().nextActivation(keys, now);
        if (next.isPresent()) {
            ToolKey key = generate(now, next.get());
            repository.add(key);
            LOG.info(() -> "New tool key " + key.kid() + " signs from " + key.activates());
            keys = repository.all();
        }
        return keys;
    }

    private KeyRotationPolicy policy() {
        return new KeyRotationPolicy(settings.keyRotation(), settings.keyPublishAhead(), settings.keyGrace());
    }

    private static ToolKey generate(Instant now, Instant activates) {
        try {
            RSAKey key = new RSAKeyGenerator(KEY_SIZE)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
            return new ToolKey(key, now, activates);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }
}
