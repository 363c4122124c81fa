package org.learninghub.connect.xapi.statement.attachment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.X509CertUtils;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.Set;
import org.learninghub.connect.xapi.http.XapiException;
import org.learninghub.connect.xapi.http.XapiJson;
import org.learninghub.connect.xapi.http.XapiVersion;
import org.learninghub.connect.xapi.statement.store.StatementEquivalence;
import org.learninghub.connect.xapi.statement.validation.StatementRules;

/**
 * Signed statements (1.0.3 Data §2.6): the signature attachment holds a JWS (compact serialisation)
 * signed with RS256, RS384 or RS512, whose payload is the statement as it was before the signature was
 * added. When the JWS header carries an X.509 chain ({@code x5c}), the signature is verified with its
 * first certificate's key.
 */
public final class SignatureVerifier {

    public static final String USAGE_TYPE = "http://adlnet.gov/expapi/attachments/signature";
    private static final Set<JWSAlgorithm> ALLOWED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512);

    private SignatureVerifier() {
    }

    public static void verify(JsonNode statement, byte[] signature, String path) {
        JWSObject jws;
        try {
            jws = JWSObject.parse(new String(signature, StandardCharsets.US_ASCII).strip());
        } catch (ParseException e) {
            throw XapiException.invalid(path, "the signature is not a JWS in compact serialisation: " + e.getMessage());
        }
        if (!ALLOWED.contains(jws.getHeader().getAlgorithm())) {
            throw XapiException.invalid(path, "the signature must use RS256, RS384 or RS512, not " + jws.getHeader().getAlgorithm());
        }
        if (jws.getHeader().getX509CertChain() != null && !jws.getHeader().getX509CertChain().isEmpty()) {
            X509Certificate cert = X509CertUtils.parse(jws.getHeader().getX509CertChain().get(0).decode());
            if (cert == null || !(cert.getPublicKey() instanceof RSAPublicKey key)) {
                throw XapiException.invalid(path, "the signature's x5c certificate is not an RSA certificate");
            }
            try {
                if (!jws.verify(new RSASSAVerifier(key))) {
                    throw XapiException.invalid(path, "the signature does not verify with its x5c certificate");
                }
            } catch (JOSEException e) {
                throw XapiException.invalid(path, "the signature cannot be verified: " + e.getMessage());
            }
        }
        JsonNode payload;
        try {
            payload = XapiJson.MAPPER.readTree(jws.getPayload().toString());
        } catch (Exception e) {
            throw XapiException.invalid(path, "the signature's payload is not a JSON statement");
        }
        if (!(payload instanceof ObjectNode signed) || !sameStatement(signed, (ObjectNode) statement)) {
            throw XapiException.invalid(path, "the signature's payload does not match the statement");
        }
    }

    /** The payload is the statement before signing: compare without attachments and LRS-set properties. */
    private static boolean sameStatement(ObjectNode signed, ObjectNode statement) {
        ObjectNode a;
        try {
            // The payload is normalised as the statement was (e.g. contextActivities as arrays).
            a = StatementRules.validate(signed.deepCopy(), "signature", XapiVersion.V2_0_0);
        } catch (XapiException e) {
            return false;
        }
        ObjectNode b = statement.deepCopy();
        a.remove("attachments");
        b.remove("attachments");
        if (!a.has("id")) {
            b.remove("id");
        }
        return StatementEquivalence.equivalent(a, b) || StatementEquivalence.equivalent(b, a);
    }
}
