package org.learninghub.connect.lti.keys;

import com.nimbusds.jose.jwk.RSAKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.learninghub.connect.lti.settings.LtiSettings;

/** The {@code lti_tool_key} table. */
@ApplicationScoped
public class ToolKeyRepository {

    @Inject
    DataSource dataSource;

    @Inject
    LtiSettings settings;

    public List<ToolKey> all() {
        PrivateKeyProtector protector = protector();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select private_jwk, protection, created, activates from lti_tool_key");
             ResultSet rs = s.executeQuery()) {
            List<ToolKey> keys = new ArrayList<>();
            while (rs.next()) {
                RSAKey key = protector.open(rs.getString(1), rs.getString(2));
                keys.add(new ToolKey(key, rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getObject(4, OffsetDateTime.class).toInstant()));
            }
            return keys;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read tool keys", e);
        }
    }

    public void add(ToolKey key) {
        PrivateKeyProtector protector = protector();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("insert into lti_tool_key"
                     + " (kid, public_jwk, private_jwk, protection, created, activates) values (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, key.kid());
            s.setString(2, key.key().toPublicJWK().toJSONString());
            s.setString(3, protector.seal(key.key()));
            s.setString(4, protector.protection());
            s.setObject(5, utc(key.created()));
            s.setObject(6, utc(key.activates()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store a tool key", e);
        }
    }

    private PrivateKeyProtector protector() {
        return new PrivateKeyProtector(settings.keysSecret());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
