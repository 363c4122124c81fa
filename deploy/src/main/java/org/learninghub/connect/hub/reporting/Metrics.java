package org.learninghub.connect.hub.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The measures every activity report gives, read from the columns of {@link Scope#metrics} after the group. */
record Metrics(long launches, long completions, long passes, long fails, long activeLearners, Double medianSeconds) {

    static final Metrics NONE = new Metrics(0, 0, 0, 0, 0, null);

    static final List<Column> COLUMNS = List.of(Column.number("launches"), Column.number("completions"),
            Column.number("passes"), Column.number("fails"), Column.number("passRate"),
            Column.number("activeLearners"), Column.number("medianSecondsToComplete"));

    /** Reads the six measures starting at {@code column} (1-based); missing ones (no rows) are zero or null. */
    static Metrics read(ResultSet rs, int column) throws SQLException {
        Object median = rs.getObject(column + 5);
        return new Metrics(rs.getLong(column), rs.getLong(column + 1), rs.getLong(column + 2), rs.getLong(column + 3),
                rs.getLong(column + 4), median == null ? null : ((Number) median).doubleValue());
    }

    /** Passes out of the attempts that were judged (passed or failed); null when none was. */
    Double passRate() {
        long judged = passes + fails;
        return judged == 0 ? null : (double) passes / judged;
    }

    /** The cells in {@link #COLUMNS} order. */
    Object[] cells() {
        return new Object[] {launches, completions, passes, fails, passRate(), activeLearners, medianSeconds};
    }
}
