package org.learninghub.connect.hub.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.BiFunction;

/**
 * The same-run State baseline: the same documents upserted and read back by plain JDBC in a copy of the LRS's document
 * table with its indexes, one connection per client, each write its own transaction. What the HTTP figure adds is the
 * LRS's own work: HTTP, the credential, parameter and agent validation, ETags, the document rules.
 */
final class StateBaseline {

    private final String jdbcUrl;

    StateBaseline(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    StateFigures run(int clients, int seconds, BiFunction<Integer, Long, LrsLoadDriver.StateDocument> documents)
            throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
             Statement ddl = c.createStatement()) {
            ddl.execute("DROP TABLE IF EXISTS bench_baseline_document");
            ddl.execute("CREATE TABLE bench_baseline_document (LIKE xapi_document INCLUDING ALL)");
        }
        ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> {
            try {
                return DriverManager.getConnection(jdbcUrl, "postgres", "");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return StateFigures.measure(clients, seconds, (client, i) -> {
            LrsLoadDriver.StateDocument d = documents.apply(client, i);
            Connection c = connections.get();
            String agent = "account::https://lms.example.org|learner-" + d.learner();
            String key = sha256("state\n" + d.activity() + "\n" + agent + "\n\nbookmark");
            byte[] content = d.body().getBytes(StandardCharsets.UTF_8);
            long t0 = System.nanoTime();
            try (PreparedStatement put = c.prepareStatement("INSERT INTO bench_baseline_document (tenant_id, doc_key,"
                    + " scope_key, kind, activity_iri, agent_ifi, registration, doc_id, content_type, content, etag, updated)"
                    + " VALUES (0,?,?,'state',?,?,NULL,'bookmark','application/json',?,?,?) ON CONFLICT (tenant_id, doc_key)"
                    + " DO UPDATE SET content = excluded.content, etag = excluded.etag, updated = excluded.updated")) {
                put.setString(1, key);
                put.setString(2, sha256("state\n" + d.activity() + "\n" + agent));
                put.setString(3, d.activity());
                put.setString(4, agent);
                put.setBytes(5, content);
                put.setString(6, sha256(d.body()).substring(0, 40));
                put.setTimestamp(7, Timestamp.from(Instant.now()));
                put.executeUpdate();
            }
            long t1 = System.nanoTime();
            try (PreparedStatement get = c.prepareStatement("SELECT content_type, content, etag FROM bench_baseline_document"
                    + " WHERE tenant_id = 0 AND doc_key = ?")) {
                get.setString(1, key);
                try (ResultSet rs = get.executeQuery()) {
                    if (!rs.next() || !new String(rs.getBytes(2), StandardCharsets.UTF_8).equals(d.body())) {
                        throw new IllegalStateException("the baseline lost a document");
                    }
                }
            }
            return new long[] {t1 - t0, System.nanoTime() - t1};
        });
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
