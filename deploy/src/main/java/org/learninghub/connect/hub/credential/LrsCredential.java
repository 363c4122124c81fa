package org.learninghub.connect.hub.credential;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.learninghub.connect.xapi.auth.Scope;

/** An LRS credential of a trust: a public key, the SHA-256 of its secret, and its scopes. */
@Entity
@Table(name = "lrs_credential")
public class LrsCredential {

    @Id
    @Column(name = "cred_key")
    private String key;

    @Column(name = "tenant_id", nullable = false)
    private long tenantId;

    @Column(nullable = false)
    private String name;

    @Column(name = "secret_hash", nullable = false)
    private String secretHash;

    /** Space-separated scope values, as in an OAuth scope parameter. */
    @Column(nullable = false)
    private String scopes;

    @Column(nullable = false)
    private OffsetDateTime created;

    private OffsetDateTime expires;

    private OffsetDateTime revoked;

    protected LrsCredential() {
    }

    LrsCredential(String key, long tenantId, String name, String secretHash, Set<Scope> scopes, Instant created) {
        this.key = key;
        this.tenantId = tenantId;
        this.name = name;
        this.secretHash = secretHash;
        this.scopes = scopes.stream().map(Scope::value).sorted().collect(Collectors.joining(" "));
        this.created = created.atOffset(ZoneOffset.UTC);
    }

    public String key() {
        return key;
    }

    public long tenantId() {
        return tenantId;
    }

    public String name() {
        return name;
    }

    String secretHash() {
        return secretHash;
    }

    public Set<Scope> scopes() {
        return parseScopes(scopes);
    }

    /** Space-separated scope values as stored; unknown ones are ignored. */
    static Set<Scope> parseScopes(String scopes) {
        Set<Scope> set = EnumSet.noneOf(Scope.class);
        Arrays.stream(scopes.split(" ")).map(Scope::parse).forEach(s -> s.ifPresent(set::add));
        return set;
    }

    public Instant created() {
        return created.toInstant();
    }

    /** Usable now: not revoked and not expired. */
    public boolean isUsable(Instant now) {
        return usable(revoked != null, Optional.ofNullable(expires).map(OffsetDateTime::toInstant), now);
    }

    /** The one rule, for this entity and for the credential check's plain read of the same row. */
    static boolean usable(boolean revoked, Optional<Instant> expires, Instant now) {
        return !revoked && expires.map(now::isBefore).orElse(true);
    }

    void revoke(Instant at) {
        if (revoked == null) {
            revoked = at.atOffset(ZoneOffset.UTC);
        }
    }
}
