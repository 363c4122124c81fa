package org.learninghub.connect.hub.reporting;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The one place the roll-ups' SQL differs: adding to a counter row that may not exist yet. PostgreSQL's
 * {@code INSERT … ON CONFLICT DO UPDATE} is atomic under concurrency (a MERGE there is not); H2 has no
 * {@code DO UPDATE} and serialises its MERGE on the row.
 */
enum Dialect {
    POSTGRESQL, H2;

    static Dialect of(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres") ? POSTGRESQL : H2;
    }

    /** Adds the increments to the daily row (tenant, resource, day), creating it with them. */
    String addToDaily() {
        if (this == POSTGRESQL) {
            return "INSERT INTO report_daily (tenant_id, resource_id, on_day, week_start, launches, completions,"
                    + " passes, fails) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (tenant_id, resource_id, on_day) DO UPDATE"
                    + " SET launches = report_daily.launches + EXCLUDED.launches,"
                    + " completions = report_daily.completions + EXCLUDED.completions,"
                    + " passes = report_daily.passes + EXCLUDED.passes, fails = report_daily.fails + EXCLUDED.fails";
        }
        return "MERGE INTO report_daily t USING (SELECT CAST(? AS BIGINT) AS tenant_id, CAST(? AS UUID) AS resource_id,"
                + " CAST(? AS DATE) AS on_day, CAST(? AS DATE) AS week_start, CAST(? AS BIGINT) AS launches,"
                + " CAST(? AS BIGINT) AS completions, CAST(? AS BIGINT) AS passes, CAST(? AS BIGINT) AS fails) v"
                + " ON t.tenant_id = v.tenant_id AND t.resource_id = v.resource_id AND t.on_day = v.on_day"
                + " WHEN MATCHED THEN UPDATE SET launches = t.launches + v.launches,"
                + " completions = t.completions + v.completions, passes = t.passes + v.passes, fails = t.fails + v.fails"
                + " WHEN NOT MATCHED THEN INSERT (tenant_id, resource_id, on_day, week_start, launches, completions,"
                + " passes, fails) VALUES (v.tenant_id, v.resource_id, v.on_day, v.week_start, v.launches,"
                + " v.completions, v.passes, v.fails)";
    }
}
