package org.learninghub.connect.hub.runtime;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * PostgreSQL plans the LRS's lookups from table statistics, which autovacuum keeps current as tables grow. With
 * autovacuum off, a table that started empty keeps the statistics of an empty table: a pooled connection's cached
 * plan for "these statement ids of this trust" then reads every statement of the trust, and ingest slows as the
 * store grows (performance.md, "Statistics"). The Hub cannot run ANALYZE for the operator; it says so at start-up.
 */
final class AutovacuumCheck {

    static final String WARNING = "PostgreSQL autovacuum is off (SHOW autovacuum): table statistics are not kept"
            + " current, so plans made for small tables stay in use as they grow and statement ingest and queries slow"
            + " down with the size of the store. Turn it on (autovacuum = on, PostgreSQL's default) or run ANALYZE"
            + " on a schedule; see src/docs/operations.md.";

    private AutovacuumCheck() {
    }

    /** The warning to log when the database this connection reaches runs without autovacuum. */
    static Optional<String> warning(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW autovacuum")) {
            return rs.next() && "off".equalsIgnoreCase(rs.getString(1)) ? Optional.of(WARNING) : Optional.empty();
        }
    }
}
