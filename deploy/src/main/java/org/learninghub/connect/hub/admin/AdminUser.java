package org.learninghub.connect.hub.admin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import org.learninghub.connect.hub.security.AdminCaller;
import org.learninghub.connect.hub.trust.Trust;

/**
 * An administrator account: a hub-admin (every trust) or a trust-admin (one trust). The password is kept
 * only as a bcrypt hash; a new hash (new salt) is made at every change, which is what invalidates every
 * node's verified-password cache entries for the old one.
 */
@Entity
@Table(name = "admin_user")
public class AdminUser {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "admin_user_seq")
    @SequenceGenerator(name = "admin_user_seq", sequenceName = "admin_user_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, unique = true)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private String role;

    @ManyToOne
    @JoinColumn(name = "trust_id")
    private Trust trust;

    @Column(nullable = false)
    private boolean disabled;

    // OffsetDateTime, not Instant: EclipseLink 4.0 would serialise an Instant into the column.
    @Column(nullable = false)
    private OffsetDateTime created;

    @Column(nullable = false)
    private OffsetDateTime updated;

    @Column(name = "password_changed", nullable = false)
    private OffsetDateTime passwordChanged;

    /** The identity provider's subject of the person, when accounts are mapped by {@code sub}. */
    @Column(name = "oidc_subject")
    private String oidcSubject;

    protected AdminUser() {
    }

    AdminUser(String username, String passwordHash, AdminRole role, Trust trust, Instant created) {
        this.username = Objects.requireNonNull(username, "username is required");
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash is required");
        this.role = role.group();
        this.trust = trust;
        this.created = Objects.requireNonNull(created, "created is required").atOffset(ZoneOffset.UTC);
        this.updated = this.created;
        this.passwordChanged = this.created;
    }

    public String username() {
        return username;
    }

    String passwordHash() {
        return passwordHash;
    }

    AdminRole role() {
        return AdminRole.of(role).orElseThrow(() -> new IllegalStateException("unknown role " + role));
    }

    Optional<Trust> trust() {
        return Optional.ofNullable(trust);
    }

    boolean disabled() {
        return disabled;
    }

    Instant created() {
        return created.toInstant();
    }

    Instant updated() {
        return updated.toInstant();
    }

    Instant passwordChanged() {
        return passwordChanged.toInstant();
    }

    /**
     * The container's caller for this account as its row is now, for a sign-in other than a password (the
     * identity provider, a browser session); empty when the account is disabled.
     */
    public Optional<AdminCaller> enabledCaller() {
        if (disabled) {
            return Optional.empty();
        }
        return Optional.of(new AdminCaller(username, role().group(), trust().map(Trust::code)));
    }

    Optional<String> oidcSubject() {
        return Optional.ofNullable(oidcSubject);
    }

    void setOidcSubject(String subject, Instant now) {
        this.oidcSubject = subject;
        this.updated = now.atOffset(ZoneOffset.UTC);
    }

    void changePassword(String newHash, Instant now) {
        this.passwordHash = newHash;
        this.passwordChanged = now.atOffset(ZoneOffset.UTC);
        this.updated = this.passwordChanged;
    }

    void setDisabled(boolean disabled, Instant now) {
        this.disabled = disabled;
        this.updated = now.atOffset(ZoneOffset.UTC);
    }
}
