package org.learninghub.connect.hub.admin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/** A Hub administrator: sees and manages every trust. The password is kept only as a bcrypt hash. */
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

    // OffsetDateTime, not Instant: EclipseLink 4.0 would serialise an Instant into the column.
    @Column(nullable = false)
    private OffsetDateTime created;

    protected AdminUser() {
    }

    AdminUser(String username, String passwordHash, Instant created) {
        this.username = Objects.requireNonNull(username, "username is required");
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash is required");
        this.created = Objects.requireNonNull(created, "created is required").atOffset(ZoneOffset.UTC);
    }

    public String username() {
        return username;
    }

    String passwordHash() {
        return passwordHash;
    }
}
