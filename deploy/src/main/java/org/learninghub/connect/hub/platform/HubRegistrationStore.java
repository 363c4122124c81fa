package org.learninghub.connect.hub.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.learninghub.connect.hub.trust.Trust;
import org.learninghub.connect.lti.registration.PlatformRegistration;
import org.learninghub.connect.lti.registration.RegistrationStore;

/**
 * The LTI tool's {@link RegistrationStore}: the trusts' platform registrations, read on every login and
 * launch. A registration is active only while both it and its trust are.
 *
 * <p>Read with one SQL query into an immutable {@link PlatformRegistration}, not through JPA: no entity is
 * cloned from a shared cache and no cache lock is taken, so concurrent launches through one registration
 * cannot wait on each other (see {@link Platform}), and every node sees an administrator's change (a disable)
 * at once, with no cache to expire.
 */
@ApplicationScoped
public class HubRegistrationStore implements RegistrationStore {

    private static final String SELECT = "select p.id, p.tenant_id, p.issuer, p.client_id, p.auth_login_url,"
            + " p.access_token_url, p.access_token_audience, p.jwks_url, p.public_jwk, p.platform_storage,"
            + " p.frame_origins, p.status, t.status, d.deployment_id"
            + " from platform_registration p join trust t on t.id = p.tenant_id"
            + " left join platform_deployment d on d.registration_id = p.id ";

    @Inject
    DataSource dataSource;

    @Override
    public Optional<PlatformRegistration> find(String issuer, String clientId) {
        return query(SELECT + "where p.issuer = ? and p.client_id = ?", issuer, clientId).stream().findFirst();
    }

    @Override
    public List<PlatformRegistration> findByIssuer(String issuer) {
        return query(SELECT + "where p.issuer = ?", issuer);
    }

    @Override
    public Optional<PlatformRegistration> findById(long id) {
        return query(SELECT + "where p.id = ?", id).stream().findFirst();
    }

    /** One row per deployment id (the left join), folded into one registration per id. */
    private List<PlatformRegistration> query(String sql, Object... parameters) {
        Map<Long, Row> rows = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Row row = rows.computeIfAbsent(rs.getLong(1), id -> Row.of(rs));
                    String deployment = rs.getString(14);
                    if (deployment != null) {
                        row.deploymentIds().add(deployment);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read platform registrations", e);
        }
        List<PlatformRegistration> registrations = new ArrayList<>(rows.size());
        rows.values().forEach(row -> registrations.add(row.toRegistration()));
        return registrations;
    }

    private record Row(long id, long tenantId, String issuer, String clientId, String authLoginUrl,
                       String accessTokenUrl, String accessTokenAudience, String jwksUrl, String publicJwk,
                       boolean platformStorage, String frameOrigins, boolean active, Set<String> deploymentIds) {

        static Row of(ResultSet rs) {
            try {
                boolean active = Platform.Status.ACTIVE.name().equals(rs.getString(12))
                        && Trust.Status.ACTIVE.name().equals(rs.getString(13));
                return new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getBoolean(10),
                        rs.getString(11), active, new LinkedHashSet<>());
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read a platform registration", e);
            }
        }

        PlatformRegistration toRegistration() {
            return new PlatformRegistration(id, tenantId, issuer, clientId, deploymentIds, URI.create(authLoginUrl),
                    Optional.of(URI.create(accessTokenUrl)), Optional.ofNullable(accessTokenAudience),
                    Optional.ofNullable(jwksUrl).map(URI::create), Optional.ofNullable(publicJwk), active,
                    platformStorage, FrameOrigins.split(frameOrigins));
        }
    }
}
