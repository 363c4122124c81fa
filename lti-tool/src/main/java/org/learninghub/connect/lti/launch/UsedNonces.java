package org.learninghub.connect.lti.launch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.learninghub.connect.lti.login.Housekeeping;

/**
 * Nonces of accepted id_tokens (Security Framework §5.1.3, OIDC Core §3.1.3.7 rule 11). The database's
 * primary key decides, so a replay is refused on every node and after restarts.
 */
@ApplicationScoped
public class UsedNonces {

    /** SQLSTATE of a unique violation, the same in PostgreSQL and H2. */
    static final String UNIQUE_VIOLATION = "23505";

    @Inject
    DataSource dataSource;

    private final Housekeeping housekeeping = new Housekeeping(Duration.ofSeconds(30));

    /** True the first time this issuer's nonce is used, false on every later attempt. */
    public boolean firstUse(String issuer, String nonce, Instant expires, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            if (housekeeping.due(now)) {
                // An expired nonce kept a little longer only refuses more; its token is expired anyway.
                try (PreparedStatement purge = c.prepareStatement("delete from lti_used_nonce where expires < ?")) {
                    purge.setObject(1, now.atOffset(ZoneOffset.UTC));
                    purge.executeUpdate();
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "insert into lti_used_nonce (issuer, nonce, expires) values (?, ?, ?)")) {
                s.setString(1, issuer);
                s.setString(2, nonce);
                s.setObject(3, expires.atOffset(ZoneOffset.UTC));
                s.executeUpdate();
                return true;
            }
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw new IllegalStateException("cannot record a nonce", e);
        }
    }
}
