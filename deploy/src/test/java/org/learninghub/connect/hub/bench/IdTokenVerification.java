package org.learninghub.connect.hub.bench;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.URI;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.learninghub.connect.hub.it.TestPlatform;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The launch benchmark's baselines (JMH, run by {@link LaunchLoadDriver}): what Nimbus alone costs for the two
 * RSA operations of one launch, on the same kind of id_token the test platform sends. Verification is the
 * Hub's share of a launch; signing is the platform's, which the load driver pays for every launch on the same
 * cores as the server.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IdTokenVerification {

    private RSAKey key;
    private JWTClaimsSet claims;
    private String idToken;
    private DefaultJWTProcessor<SecurityContext> processor;

    @Setup
    public void setUp() {
        key = TestPlatform.newKey();
        try (TestPlatform platform = TestPlatform.start()) {
            claims = platform.resourceLaunch(UUID.randomUUID().toString(), URI.create("http://127.0.0.1/lti/launch"))
                    .build();
        }
        idToken = TestPlatform.sign(claims, key);
        processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK()))));
    }

    /** Parse, select the key by kid, verify RS256 and check exp/nbf: what the Hub's verifier does with Nimbus. */
    @Benchmark
    public JWTClaimsSet verify() throws Exception {
        return processor.process(idToken, null);
    }

    /** The platform's side: one RS256 signature per launch. */
    @Benchmark
    public String sign() {
        return TestPlatform.sign(claims, key);
    }
}
