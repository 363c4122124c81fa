package org.learninghub.connect.xapi.statement.store;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** An in-memory H2 database with the xAPI schema, as the Hub embeds it, for tests of reading and writing rows. */
public final class EmbeddedStore implements AutoCloseable {

    private final String url = "jdbc:h2:mem:" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    private final Connection connection;

    public EmbeddedStore() throws SQLException {
        connection = DriverManager.getConnection(url);
        connection.createStatement().execute("RUNSCRIPT FROM 'classpath:db/migration/xapi/V1__statements.sql'");
        connection.createStatement().execute("RUNSCRIPT FROM 'classpath:db/migration/xapi/V20__link_indexes_with_relation.sql'");
    }

    public Connection connection() {
        return connection;
    }

    /** A read transaction on a connection of its own, as the finder lends one. */
    public StatementReads reads() throws SQLException {
        return new StatementReads(DriverManager.getConnection(url));
    }

    public void statement(long tenant, long seq, String json, boolean hasAttachments) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO xapi_statement (tenant_id, id, seq, stored, "
                + "voided, has_attachments, statement_json) VALUES (?,?,?,?,FALSE,?,?)")) {
            ps.setLong(1, tenant);
            ps.setObject(2, UUID.randomUUID());
            ps.setLong(3, seq);
            ps.setObject(4, OffsetDateTime.now());
            ps.setBoolean(5, hasAttachments);
            ps.setString(6, json);
            ps.executeUpdate();
        }
    }

    /** Stores the bytes under their SHA-256 and returns it. */
    public String attachment(long tenant, byte[] bytes) throws Exception {
        String sha2 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        AttachmentRows.insert(connection, tenant, List.of(new Attachment(sha2, "application/octet-stream", bytes)));
        return sha2;
    }

    @Override
    public void close() throws SQLException {
        connection.createStatement().execute("SHUTDOWN");
        connection.close();
    }
}
