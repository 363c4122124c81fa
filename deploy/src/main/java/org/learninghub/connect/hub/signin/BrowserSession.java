package org.learninghub.connect.hub.signin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.learninghub.connect.hub.admin.AdminUser;

/** A signed-in browser: only the hash of its cookie's id is kept. The account is read with it on every request. */
@Entity
@Table(name = "admin_session")
public class BrowserSession {

    @Id
    @Column(name = "id_hash")
    private String idHash;

    @ManyToOne(optional = false)
    @JoinColumn(name = "admin_user_id", nullable = false)
    private AdminUser account;

    @Column(name = "csrf_token", nullable = false)
    private String csrfToken;

    @Column(nullable = false)
    private OffsetDateTime created;

    @Column(name = "last_seen", nullable = false)
    private OffsetDateTime lastSeen;

    protected BrowserSession() {
    }

    BrowserSession(String idHash, AdminUser account, String csrfToken, Instant now) {
        this.idHash = idHash;
        this.account = account;
        this.csrfToken = csrfToken;
        this.created = now.atOffset(ZoneOffset.UTC);
        this.lastSeen = this.created;
    }

    String idHash() {
        return idHash;
    }

    AdminUser account() {
        return account;
    }

    String csrfToken() {
        return csrfToken;
    }

    Instant created() {
        return created.toInstant();
    }

    Instant lastSeen() {
        return lastSeen.toInstant();
    }
}
