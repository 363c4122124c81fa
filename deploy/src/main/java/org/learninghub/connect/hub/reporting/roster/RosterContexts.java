package org.learninghub.connect.hub.reporting.roster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.learninghub.connect.lti.launch.LaunchContext;
import org.learninghub.connect.lti.nrps.MembershipService;
import org.learninghub.connect.lti.platformcall.ServiceNotGrantedException;

/**
 * The launch's side of roster import: in the launch's own transaction, notes the course (platform, deployment,
 * context, memberships URL) and that this resource was launched from it. Nothing is fetched here: the course's
 * membership is read later by {@link RosterWorker}, so a slow or failing platform never delays a launch. A launch
 * without a usable NRPS claim records nothing.
 */
@ApplicationScoped
public class RosterContexts {

    static final int MAX_ID = 255;
    static final int MAX_URL = 2000;
    /** A course's row is written again on a launch only this often (or when its URL changed): launches stay reads. */
    static final Duration TOUCH = Duration.ofHours(1);

    private static final Logger LOG = Logger.getLogger(RosterContexts.class.getName());

    @Inject
    DataSource dataSource;

    /** What of a launch a roster needs; empty when the launch does not offer the course's membership. */
    record Course(long tenant, long platform, String deployment, String context, String membershipsUrl) {
    }

    static Optional<Course> course(LaunchContext launch) {
        if (launch.namesRoleService().isEmpty() || launch.context().isEmpty()) {
            return Optional.empty();
        }
        LaunchContext.NamesRoleService claim = launch.namesRoleService().get();
        List<String> versions = claim.serviceVersions();
        if (versions != null && !versions.isEmpty() && !versions.contains("2.0")) {
            return Optional.empty();
        }
        String context = launch.context().get().id();
        if (context == null || context.isBlank() || context.length() > MAX_ID
                || launch.deploymentId().length() > MAX_ID) {
            return Optional.empty();
        }
        URI url;
        try {
            url = MembershipService.contextMembershipsUrl(claim);
        } catch (ServiceNotGrantedException e) {
            return Optional.empty();
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (url.toString().length() > MAX_URL || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.empty();
        }
        return Optional.of(new Course(launch.tenantId(), launch.registrationId(), launch.deploymentId(), context,
                url.toString()));
    }

    /** Notes the launch's course and resource, on the caller's transaction. */
    public void launched(LaunchContext launch, UUID resource, Instant now) {
        Optional<Course> course = course(launch);
        if (course.isEmpty()) {
            if (launch.namesRoleService().isPresent()) {
                LOG.log(Level.FINE, "roster: the launch's NRPS claim is not usable; no roster for it");
            }
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            long roster = context(c, course.get(), now);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO roster_resource (roster_id, tenant_id,"
                    + " resource_id, applied) VALUES (?,?,?,FALSE) ON CONFLICT DO NOTHING")) {
                ps.setLong(1, roster);
                ps.setLong(2, course.get().tenant());
                ps.setObject(3, resource);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("recording the launch's course failed: " + e.getMessage(), e);
        }
    }

    /** The course's row id: created due now when new; its URL and last launch kept current (at most hourly). */
    private static long context(Connection c, Course course, Instant now) throws SQLException {
        for (int tries = 0; tries < 2; tries++) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, memberships_url, last_launch FROM roster_context"
                    + " WHERE platform_id = ? AND deployment_id = ? AND context_id = ?")) {
                ps.setLong(1, course.platform());
                ps.setString(2, course.deployment());
                ps.setString(3, course.context());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        long id = rs.getLong(1);
                        if (!course.membershipsUrl().equals(rs.getString(2))
                                || rs.getTimestamp(3).toInstant().isBefore(now.minus(TOUCH))) {
                            touch(c, id, course, now);
                        }
                        return id;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO roster_context (tenant_id, platform_id,"
                    + " deployment_id, context_id, memberships_url, last_launch, next_fetch, attempts, members)"
                    + " VALUES (?,?,?,?,?,?,?,0,0) ON CONFLICT DO NOTHING")) {
                ps.setLong(1, course.tenant());
                ps.setLong(2, course.platform());
                ps.setString(3, course.deployment());
                ps.setString(4, course.context());
                ps.setString(5, course.membershipsUrl());
                ps.setObject(6, utc(now));
                ps.setObject(7, utc(now));
                ps.executeUpdate();
            }
            // Inserted, or a concurrent launch inserted it first: either way the next select finds it.
        }
        throw new IllegalStateException("the launch's course could not be recorded");
    }

    private static void touch(Connection c, long id, Course course, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE roster_context SET memberships_url = ?,"
                + " last_launch = ? WHERE id = ?")) {
            ps.setString(1, course.membershipsUrl());
            ps.setObject(2, utc(now));
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
