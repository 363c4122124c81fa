package org.learninghub.connect.hub.bridge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.learninghub.connect.hub.credential.LaunchRestrictions;
import org.learninghub.connect.xapi.auth.Restriction;

/** Launch sessions and the learner mapping, by JDBC in the caller's transaction. */
@ApplicationScoped
public class LaunchSessions implements LaunchRestrictions {

    private static final String COLUMNS = "registration, tenant_id, platform_id, issuer, subject, resource_id,"
            + " activity_iri, content_origin, context_id, resource_link_id, roles, ags_lineitems, ags_lineitem,"
            + " ags_scopes, started, finished, outcome";

    @Inject
    DataSource dataSource;

    /** The learner's unfinished attempt at this resource through this link, if any (the newest). */
    Optional<LaunchSession> unfinished(long tenant, String issuer, String subject, UUID resource, String resourceLink) {
        return one("SELECT " + COLUMNS + " FROM launch_session WHERE tenant_id = ? AND issuer = ? AND subject = ?"
                + " AND resource_id = ? AND resource_link_id = ? AND finished IS NULL ORDER BY started DESC", ps -> {
                    ps.setLong(1, tenant);
                    ps.setString(2, issuer);
                    ps.setString(3, subject);
                    ps.setObject(4, resource);
                    ps.setString(5, resourceLink);
                });
    }

    public Optional<LaunchSession> find(long tenant, UUID registration) {
        return one("SELECT " + COLUMNS + " FROM launch_session WHERE tenant_id = ? AND registration = ?", ps -> {
            ps.setLong(1, tenant);
            ps.setObject(2, registration);
        });
    }

    /** Finds the session on the caller's connection (inside the statement's transaction). */
    static Optional<LaunchSession> find(Connection c, long tenant, UUID registration) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM launch_session WHERE tenant_id = ? AND registration = ?")) {
            ps.setLong(1, tenant);
            ps.setObject(2, registration);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    void insert(LaunchSession s) {
        run("INSERT INTO launch_session (" + COLUMNS + ", context_title, last_launched)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", ps -> {
                    ps.setObject(1, s.registration());
                    ps.setLong(2, s.tenantId());
                    ps.setLong(3, s.platformId());
                    ps.setString(4, s.issuer());
                    ps.setString(5, s.subject());
                    ps.setObject(6, s.resourceId());
                    ps.setString(7, s.activityIri());
                    ps.setString(8, s.contentOrigin().orElse(null));
                    ps.setString(9, s.contextId().orElse(null));
                    ps.setString(10, s.resourceLinkId());
                    ps.setString(11, s.roles());
                    ps.setString(12, s.agsLineItems().orElse(null));
                    ps.setString(13, s.agsLineItem().orElse(null));
                    ps.setString(14, s.agsScopes().orElse(null));
                    ps.setObject(15, utc(s.started()));
                    ps.setObject(16, null);
                    ps.setString(17, null);
                    ps.setString(18, null);
                    ps.setObject(19, utc(s.started()));
                });
    }

    /** A relaunch: the AGS claim values of the newest launch are the ones to pass back to. */
    void relaunched(UUID registration, LaunchSession s, Instant at) {
        run("UPDATE launch_session SET last_launched = ?, ags_lineitems = ?, ags_lineitem = ?, ags_scopes = ?,"
                + " roles = ? WHERE registration = ?", ps -> {
                    ps.setObject(1, utc(at));
                    ps.setString(2, s.agsLineItems().orElse(null));
                    ps.setString(3, s.agsLineItem().orElse(null));
                    ps.setString(4, s.agsScopes().orElse(null));
                    ps.setString(5, s.roles());
                    ps.setObject(6, registration);
                });
    }

    /**
     * Stores (or refreshes) which platform learner an actor is, for data-rights requests, with the name and e-mail
     * the LMS sent when the trust opted in to named learners (empty otherwise, which also forgets earlier ones).
     */
    void map(long tenant, String issuer, String subject, String actorIfi, Optional<String> name,
             Optional<String> email, Instant at) {
        int updated = update("UPDATE learner_mapping SET last_seen = ?, learner_name = ?, learner_email = ?"
                + " WHERE tenant_id = ? AND issuer = ? AND subject = ?", ps -> {
                    ps.setObject(1, utc(at));
                    ps.setString(2, name.orElse(null));
                    ps.setString(3, email.orElse(null));
                    ps.setLong(4, tenant);
                    ps.setString(5, issuer);
                    ps.setString(6, subject);
                });
        if (updated == 0) {
            run("INSERT INTO learner_mapping (tenant_id, issuer, subject, actor_ifi, learner_name, learner_email,"
                    + " first_seen, last_seen) VALUES (?,?,?,?,?,?,?,?)", ps -> {
                        ps.setLong(1, tenant);
                        ps.setString(2, issuer);
                        ps.setString(3, subject);
                        ps.setString(4, actorIfi);
                        ps.setString(5, name.orElse(null));
                        ps.setString(6, email.orElse(null));
                        ps.setObject(7, utc(at));
                        ps.setObject(8, utc(at));
                    });
        }
    }

    /** Marks the attempt finished with its first outcome; later outcomes do not change it. */
    static void finish(Connection c, UUID registration, String outcome, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE launch_session SET finished = ?, outcome = ?"
                + " WHERE registration = ? AND finished IS NULL")) {
            ps.setObject(1, utc(at));
            ps.setString(2, outcome);
            ps.setObject(3, registration);
            ps.executeUpdate();
        }
    }

    @Override
    public Optional<Restriction> of(long tenant, UUID registration) {
        return find(tenant, registration).map(LaunchSessions::restriction);
    }

    static Restriction restriction(LaunchSession s) {
        return new Restriction(LearnerActor.of(s.issuer(), s.subject()), s.registration(), s.activityIri(),
                s.contentOrigin());
    }

    private static LaunchSession read(ResultSet rs) throws SQLException {
        return new LaunchSession(rs.getObject(1, UUID.class), rs.getLong(2), rs.getLong(3), rs.getString(4),
                rs.getString(5), rs.getObject(6, UUID.class), rs.getString(7), Optional.ofNullable(rs.getString(8)),
                Optional.ofNullable(rs.getString(9)), rs.getString(10), rs.getString(11),
                Optional.ofNullable(rs.getString(12)), Optional.ofNullable(rs.getString(13)),
                Optional.ofNullable(rs.getString(14)), instant(rs, 15).orElseThrow(), instant(rs, 16),
                Optional.ofNullable(rs.getString(17)));
    }

    private static Optional<Instant> instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return Optional.ofNullable(t).map(Timestamp::toInstant);
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private Optional<LaunchSession> one(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading launch sessions failed: " + e.getMessage(), e);
        }
    }

    private void run(String sql, Binder binder) {
        update(sql, binder);
    }

    private int update(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("writing launch sessions failed: " + e.getMessage(), e);
        }
    }
}
