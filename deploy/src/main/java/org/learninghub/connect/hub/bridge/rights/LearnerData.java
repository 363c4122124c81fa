package org.learninghub.connect.hub.bridge.rights;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.learninghub.connect.hub.reporting.LearnerErasure;
import org.learninghub.connect.xapi.statement.store.AttachmentRows;

/**
 * Finds, exports and erases what the Hub holds about one learner of one trust, by JDBC, in one transaction each.
 * "Statements about the learner" are the trust's statements any of whose agent link rows is the learner's actor
 * IFI (actor, object, context agents; and StatementRefs to such statements, which copy the links).
 */
@ApplicationScoped
public class LearnerData {

    /** The most statements (or documents) an export carries; beyond, the export says it was cut. */
    static final int MAX_EXPORT = 10_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STATEMENT_SEQS =
            "SELECT seq FROM xapi_statement_agent WHERE tenant_id = ? AND ifi = ?";
    private static final String SESSIONS =
            "SELECT registration FROM launch_session WHERE tenant_id = ? AND issuer = ? AND subject = ?";

    @Inject
    DataSource dataSource;

    Optional<Learner> find(long tenant, String issuer, String subject) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT actor_ifi FROM learner_mapping"
                     + " WHERE tenant_id = ? AND issuer = ? AND subject = ?")) {
            ps.setLong(1, tenant);
            ps.setString(2, issuer);
            ps.setString(3, subject);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Learner(tenant, issuer, subject, rs.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading a learner failed: " + e.getMessage(), e);
        }
    }

    @Transactional
    Map<String, Object> export(Learner l) {
        Map<String, Object> out = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            out.put("mapping", rows(c, "SELECT issuer, subject, actor_ifi, learner_name AS name,"
                    + " learner_email AS email, first_seen, last_seen FROM learner_mapping WHERE"
                    + " tenant_id = ? AND issuer = ? AND subject = ?", l).get(0));
            out.put("launchSessions", rows(c, "SELECT registration, resource_id, activity_iri, context_id, context_title,"
                    + " resource_link_id, roles, started, finished, outcome FROM launch_session"
                    + " WHERE tenant_id = ? AND issuer = ? AND subject = ? ORDER BY started", l));
            List<Object> statements = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT statement_json FROM xapi_statement WHERE tenant_id = ?"
                    + " AND seq IN (" + STATEMENT_SEQS + ") ORDER BY seq FETCH FIRST ? ROWS ONLY")) {
                ps.setLong(1, l.tenant());
                ps.setLong(2, l.tenant());
                ps.setString(3, l.actorIfi());
                ps.setInt(4, MAX_EXPORT + 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        statements.add(JSON.readTree(rs.getString(1)));
                    }
                }
            }
            out.put("statementsCut", statements.size() > MAX_EXPORT);
            out.put("statements", statements.subList(0, Math.min(MAX_EXPORT, statements.size())));
            List<Object> documents = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT activity_iri, registration, doc_id, content_type,"
                    + " content, updated FROM xapi_document WHERE tenant_id = ? AND agent_ifi = ? ORDER BY updated"
                    + " FETCH FIRST ? ROWS ONLY")) {
                ps.setLong(1, l.tenant());
                ps.setString(2, l.actorIfi());
                ps.setInt(3, MAX_EXPORT);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> d = new LinkedHashMap<>();
                        d.put("activityId", rs.getString(1));
                        d.put("registration", rs.getString(2));
                        d.put("id", rs.getString(3));
                        d.put("contentType", rs.getString(4));
                        byte[] content = rs.getBytes(5);
                        String type = rs.getString(4);
                        if (type != null && type.toLowerCase().startsWith("application/json")) {
                            d.put("content", new String(content, StandardCharsets.UTF_8));
                        } else {
                            d.put("contentBase64", Base64.getEncoder().encodeToString(content));
                        }
                        d.put("updated", String.valueOf(rs.getObject(6)));
                        documents.add(d);
                    }
                }
            }
            out.put("documents", documents);
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("exporting a learner failed: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Counts (dry run) or deletes everything about the learner, in one transaction: statements and their link rows
     * (purged directly, see federation.md), the contents of their attachments that no other statement of the trust
     * names, their State and agent profile documents, score jobs, rejections and credentials of their launch
     * sessions, the sessions, the mapping; their rows in the report roll-ups are unlinked from them
     * (hub.reporting.LearnerErasure), keeping past counts.
     */
    @Transactional
    ErasureReport erase(Learner l, boolean dryRun) {
        try (Connection c = dataSource.getConnection()) {
            long statements = count(c, "SELECT count(*) FROM xapi_statement WHERE tenant_id = ? AND seq IN ("
                    + STATEMENT_SEQS + ")", l.tenant(), l.tenant(), l.actorIfi());
            long documents = count(c, "SELECT count(*) FROM xapi_document WHERE tenant_id = ? AND agent_ifi = ?",
                    l.tenant(), l.actorIfi());
            Object[] session = {l.tenant(), l.issuer(), l.subject()};
            long sessions = count(c, "SELECT count(*) FROM launch_session WHERE tenant_id = ? AND issuer = ?"
                    + " AND subject = ?", session);
            long credentials = count(c, "SELECT count(*) FROM lrs_credential WHERE launch_registration IN ("
                    + SESSIONS + ")", session);
            long jobs = count(c, "SELECT count(*) FROM outbox_job WHERE registration IN (" + SESSIONS + ")", session);
            long rejections = count(c, "SELECT count(*) FROM launch_rejection WHERE registration IN (" + SESSIONS + ")",
                    session);
            Set<String> attachments = unsharedAttachments(c, l);
            if (!dryRun) {
                for (String table : List.of("xapi_statement_activity", "xapi_statement_verb", "xapi_statement")) {
                    count(c, "DELETE FROM " + table + " WHERE tenant_id = ? AND seq IN (" + STATEMENT_SEQS + ")",
                            l.tenant(), l.tenant(), l.actorIfi());
                }
                count(c, "DELETE FROM xapi_statement_agent WHERE tenant_id = ? AND seq IN (" + STATEMENT_SEQS + ")",
                        l.tenant(), l.tenant(), l.actorIfi());
                AttachmentRows.delete(c, l.tenant(), attachments);
                count(c, "DELETE FROM xapi_document WHERE tenant_id = ? AND agent_ifi = ?", l.tenant(), l.actorIfi());
                count(c, "DELETE FROM outbox_job WHERE registration IN (" + SESSIONS + ")", session);
                count(c, "DELETE FROM launch_rejection WHERE registration IN (" + SESSIONS + ")", session);
                count(c, "DELETE FROM lrs_credential WHERE launch_registration IN (" + SESSIONS + ")", session);
                count(c, "DELETE FROM launch_session WHERE tenant_id = ? AND issuer = ? AND subject = ?", session);
                count(c, "DELETE FROM learner_mapping WHERE tenant_id = ? AND issuer = ? AND subject = ?", session);
                LearnerErasure.forget(c, l.tenant(), l.actorIfi());
            }
            return new ErasureReport(dryRun, statements, attachments.size(), documents, sessions, credentials, jobs,
                    rejections, 1);
        } catch (SQLException e) {
            throw new IllegalStateException("erasing a learner failed: " + e.getMessage(), e);
        }
    }

    /**
     * The attachments the learner's statements name that no other statement of the trust names: they go with the
     * statements. One shared with another learner's statement (the same file attached twice is stored once) stays.
     */
    private static Set<String> unsharedAttachments(Connection c, Learner l) throws SQLException {
        Set<Long> seqs = new HashSet<>();
        Set<String> named = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, has_attachments, statement_json FROM xapi_statement"
                + " WHERE tenant_id = ? AND seq IN (" + STATEMENT_SEQS + ")")) {
            ps.setLong(1, l.tenant());
            ps.setLong(2, l.tenant());
            ps.setString(3, l.actorIfi());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    seqs.add(rs.getLong(1));
                    if (rs.getBoolean(2)) {
                        named.addAll(AttachmentRows.named(JSON.readTree(rs.getString(3))));
                    }
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a stored statement is not JSON: " + e.getOriginalMessage(), e);
        }
        return named.isEmpty() ? named : AttachmentRows.unreferenced(c, l.tenant(), named, seqs);
    }

    /** A count query's value, or an update's row count. */
    private static long count(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            if (!sql.startsWith("SELECT")) {
                return ps.executeUpdate();
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<Map<String, Object>> rows(Connection c, String sql, Learner l) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, l.tenant());
            ps.setString(2, l.issuer());
            ps.setString(3, l.subject());
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        Object v = rs.getObject(i);
                        row.put(md.getColumnLabel(i).toLowerCase(), v == null ? null : v.toString());
                    }
                    out.add(row);
                }
            }
        }
        return out;
    }
}
