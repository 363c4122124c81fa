package org.learninghub.connect.xapi.statement.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.UUID;

/** The stored-order key: n values of the statement sequence in one round trip, in ascending order. */
final class Sequences {

    private Sequences() {
    }

    static long[] next(Connection c, int n) throws SQLException {
        long[] values = new long[n];
        if (n == 0) {
            return values;
        }
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        String sql = postgres
                ? "SELECT nextval('xapi_statement_seq') FROM generate_series(1, ?)"
                : "SELECT NEXT VALUE FOR xapi_statement_seq FROM SYSTEM_RANGE(1, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, n);
            try (ResultSet rs = ps.executeQuery()) {
                for (int i = 0; i < n && rs.next(); i++) {
                    values[i] = rs.getLong(1);
                }
            }
        }
        Arrays.sort(values);
        return values;
    }

    /** A nullable UUID parameter, typed so both PostgreSQL and H2 accept a null. */
    static void setUuid(PreparedStatement ps, int index, UUID value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.OTHER);
        } else {
            ps.setObject(index, value);
        }
    }
}
