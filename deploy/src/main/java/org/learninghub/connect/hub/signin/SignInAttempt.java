package org.learninghub.connect.hub.signin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A sign-in under way, between the redirect to the provider and its callback; one use, ten minutes. */
@Entity
@Table(name = "signin_attempt")
public class SignInAttempt {

    @Id
    @Column(name = "id_hash")
    private String idHash;

    @Column(nullable = false)
    private String state;

    @Column(nullable = false)
    private String nonce;

    @Column(name = "code_verifier", nullable = false)
    private String codeVerifier;

    @Column(name = "return_path", nullable = false)
    private String returnPath;

    // OffsetDateTime, not Instant: EclipseLink 4.0 would serialise an Instant into the column.
    @Column(nullable = false)
    private OffsetDateTime expires;

    protected SignInAttempt() {
    }

    SignInAttempt(String idHash, String state, String nonce, String codeVerifier, String returnPath, Instant expires) {
        this.idHash = idHash;
        this.state = state;
        this.nonce = nonce;
        this.codeVerifier = codeVerifier;
        this.returnPath = returnPath;
        this.expires = expires.atOffset(ZoneOffset.UTC);
    }

    String state() {
        return state;
    }

    String nonce() {
        return nonce;
    }

    String codeVerifier() {
        return codeVerifier;
    }

    String returnPath() {
        return returnPath;
    }

    Instant expires() {
        return expires.toInstant();
    }
}
