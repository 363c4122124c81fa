package org.learninghub.connect.lti.keys;

import com.nimbusds.jose.jwk.RSAKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.ParseException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code lti_tool_key} table. The public parts and dates are read without touching a private key; a
 * private key is read (and opened) only by kid, when it is about to sign.
 */
@ApplicationScoped
public class ToolKeyRepository {

    @Inject
    DataSource dataSource;

    @Inject
    KeyProtection protection;

    /** Every stored key with its public part only. */
    public List<ToolKey> publicKeys() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select public_jwk, created, activates from lti_tool_key");
             ResultSet rs = s.executeQuery()) {
            List<ToolKey> keys = new ArrayList<>();
            while (rs.next()) {
                keys.add(new ToolKey(RSAKey.parse(rs.getString(1)), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getObject(3, OffsetDateTime.class).toInstant()));
            }
            return keys;
        } catch (SQLException | ParseException e) {
            throw new IllegalStateException("cannot read tool keys", e);
        }
    }

    /** The private key of this kid, opened. */
    public Optional<RSAKey> privateKey(String kid) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select private_jwk, protection from lti_tool_key where kid = ?")) {
            s.setString(1, kid);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(protection.open(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read a tool key", e);
        }
    }

    /** Stores a new key pair, its private part sealed, while no other node re-seals the keys. */
    public void add(ToolKey key) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("insert into lti_tool_key"
                    + " (kid, public_jwk, private_jwk, protection, created, activates) values (?, ?, ?, ?, ?, ?)")) {
                s.setString(1, key.kid());
                s.setString(2, key.key().toPublicJWK().toJSONString());
                s.setString(3, protection.seal(c, key.key()));
                s.setString(4, KeyProtection.SEALED);
                s.setObject(5, utc(key.created()));
                s.setObject(6, utc(key.activates()));
                s.executeUpdate();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store a tool key", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
