package org.learninghub.connect.hub.reporting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A learner's erasure (hub.bridge.rights) unlinks their roll-up rows rather than deleting them: the learner key (a
 * hash of an IFI the requester knows) is replaced by a random one, so the counts of the past stay as they were and
 * nothing in them leads back to the person. The compacted summaries of the days the learner was active go (their
 * all-trusts learner counts may change), under the same locks as a late statement's.
 */
public final class LearnerErasure {

    // roster_member too: the next roster fetch then sees the stranger gone (and un-enrols them unless they launched).
    private static final String[] TABLES = {"report_outcome", "report_learner_day", "report_enrolment",
        "roster_member"};

    private LearnerErasure() {
    }

    /**
     * The days the learner was active in the trust: a new key there can change the distinct learners of all
     * trusts together (the same person active in two trusts was one), so those days' summaries go.
     */
    private static List<LocalDate> activeDays(Connection c, long tenant, String learner) throws SQLException {
        List<LocalDate> days = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT on_day FROM report_learner_day WHERE tenant_id = ? AND learner = ?")) {
            ps.setLong(1, tenant);
            ps.setString(2, learner);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    days.add(rs.getObject(1, LocalDate.class));
                }
            }
        }
        return days;
    }

    /** Replaces the learner's key in every roll-up of the trust; answers how many rows changed. */
    public static long forget(Connection c, long tenant, String actorIfi) throws SQLException {
        String learner = StatementFacts.sha256(actorIfi);
        String stranger = StatementFacts.sha256("erased:" + UUID.randomUUID());
        SummaryInvalidation.changing(c, tenant, activeDays(c, tenant, learner), Days.day(Instant.now()));
        long changed = 0;
        for (String table : TABLES) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE " + table + " SET learner = ? WHERE tenant_id = ? AND learner = ?")) {
                ps.setString(1, stranger);
                ps.setLong(2, tenant);
                ps.setString(3, learner);
                changed += ps.executeUpdate();
            }
        }
        return changed;
    }
}
