package org.learninghub.connect.hub.reporting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A learner's erasure (hub.bridge.rights) unlinks their roll-up rows rather than deleting them: the learner key (a
 * hash of an IFI the requester knows) is replaced by a random one, so the counts of the past stay as they were and
 * nothing in them leads back to the person.
 */
public final class LearnerErasure {

    // roster_member too: the next roster fetch then sees the stranger gone (and un-enrols them unless they launched).
    private static final String[] TABLES = {"report_outcome", "report_learner_day", "report_enrolment",
        "roster_member"};

    private LearnerErasure() {
    }

    /** Replaces the learner's key in every roll-up of the trust; answers how many rows changed. */
    public static long forget(Connection c, long tenant, String actorIfi) throws SQLException {
        String learner = StatementFacts.sha256(actorIfi);
        String stranger = StatementFacts.sha256("erased:" + UUID.randomUUID());
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
