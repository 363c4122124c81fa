package org.learninghub.connect.hub.platform;

import jakarta.persistence.Cacheable;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An LMS platform registered by a trust (table {@code platform_registration}), as the admin API edits it.
 *
 * <p>Kept out of EclipseLink's shared cache: cloning a cached instance with an eager collection goes
 * through {@code WriteLockManager.acquireLocksForClone}, which in EclipseLink 4.0.7 waits on the cache key's
 * monitor while lock releases signal a different condition, so a reader that meets the key locked by another
 * thread can wait for ever (seen under concurrent launches). Launches do not read this entity at all
 * ({@link HubRegistrationStore} reads the registration with one SQL query).
 */
@Entity
@Cacheable(false)
@Table(name = "platform_registration")
public class Platform {

    public enum Status { ACTIVE, DISABLED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "platform_registration_seq")
    @SequenceGenerator(name = "platform_registration_seq", sequenceName = "platform_registration_seq", allocationSize = 50)
    private Long id;

    @Column(name = "tenant_id", nullable = false)
    private long tenantId;

    @Column(nullable = false)
    private String issuer;

    @Column(name = "client_id", nullable = false)
    private String clientId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "platform_deployment", joinColumns = @JoinColumn(name = "registration_id"))
    @Column(name = "deployment_id")
    private Set<String> deploymentIds = new LinkedHashSet<>();

    @Column(name = "auth_login_url", nullable = false)
    private String authLoginUrl;

    @Column(name = "access_token_url", nullable = false)
    private String accessTokenUrl;

    @Column(name = "access_token_audience")
    private String accessTokenAudience;

    @Column(name = "jwks_url")
    private String jwksUrl;

    @Column(name = "public_jwk")
    private String publicJwk;

    @Column(name = "platform_storage", nullable = false)
    private boolean platformStorage;

    /** Space-separated origins (see {@link FrameOrigins}). */
    @Column(name = "frame_origins", nullable = false)
    private String frameOrigins = "";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(nullable = false)
    private OffsetDateTime created;

    @Column(nullable = false)
    private OffsetDateTime updated;

    protected Platform() {
    }

    Platform(long tenantId, PlatformInput input, Instant now) {
        this.tenantId = tenantId;
        this.status = Status.ACTIVE;
        this.created = now.atOffset(ZoneOffset.UTC);
        apply(input, now);
    }

    /** Replaces every registered field with the input's; the status and tenant stay. */
    void apply(PlatformInput input, Instant now) {
        issuer = input.issuer();
        clientId = input.clientId();
        deploymentIds.clear();
        deploymentIds.addAll(input.deploymentIds());
        authLoginUrl = input.authLoginUrl();
        accessTokenUrl = input.accessTokenUrl();
        accessTokenAudience = input.accessTokenAudience();
        jwksUrl = input.jwksUrl();
        publicJwk = input.publicKeyJson().orElse(null);
        platformStorage = input.platformStorage();
        frameOrigins = FrameOrigins.join(input.frameOrigins());
        updated = now.atOffset(ZoneOffset.UTC);
    }

    void setStatus(Status status, Instant now) {
        this.status = status;
        this.updated = now.atOffset(ZoneOffset.UTC);
    }

    public long id() { return id; }
    public long tenantId() { return tenantId; }
    public String issuer() { return issuer; }
    public String clientId() { return clientId; }
    public Set<String> deploymentIds() { return Set.copyOf(deploymentIds); }
    public String authLoginUrl() { return authLoginUrl; }
    public String accessTokenUrl() { return accessTokenUrl; }
    public Optional<String> accessTokenAudience() { return Optional.ofNullable(accessTokenAudience); }
    public Optional<String> jwksUrl() { return Optional.ofNullable(jwksUrl); }
    public Optional<String> publicJwk() { return Optional.ofNullable(publicJwk); }
    public boolean platformStorage() { return platformStorage; }
    public List<String> frameOrigins() { return FrameOrigins.split(frameOrigins); }
    public Status status() { return status; }
    public Instant created() { return created.toInstant(); }
    public Instant updated() { return updated.toInstant(); }
}
