package org.learninghub.connect.xapi.statement.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.learninghub.connect.xapi.http.XapiException;
import org.learninghub.connect.xapi.http.XapiJson;

/**
 * Stores a request's statements all-or-nothing in one transaction (1.0.3 Communication §2.1.2), with
 * JDBC batches. Rows are written in id order, so two requests touching the same ids lock them in the
 * same order and cannot deadlock; an id stored concurrently surfaces as {@link StatementConflict}.
 */
@ApplicationScoped
public class StatementWriter {

    @Inject
    DataSource dataSource;

    @Inject
    ActivityDefinitions activityDefinitions;

    @Inject
    @Any
    Instance<StatementListener> listeners;

    @Transactional
    public void store(long tenant, List<NewStatement> batch, List<Attachment> attachments, OffsetDateTime stored) {
        List<NewStatement> sorted = new ArrayList<>(batch);
        sorted.sort(Comparator.comparing(NewStatement::id));
        try (Connection c = dataSource.getConnection()) {
            Held held = held(c, tenant, sorted);
            List<NewStatement> fresh = withoutEquivalentCopies(held, sorted);
            checkVoidingTargets(c, tenant, fresh);
            Set<UUID> voided = voidedBeforeArrival(held, fresh);
            long[] seqs = Sequences.next(c, fresh.size());
            insertStatements(c, tenant, fresh, seqs, stored, voided);
            LinkRows.insert(c, tenant, fresh, seqs);
            markVoided(c, tenant, fresh);
            AttachmentRows.insert(c, tenant, attachments);
            activityDefinitions.merge(c, tenant, fresh);
            if (!fresh.isEmpty()) {
                Set<UUID> readOnly = Collections.unmodifiableSet(voided);
                for (StatementListener listener : listeners) {
                    listener.stored(c, tenant, fresh, readOnly);
                }
            }
        } catch (SQLException e) {
            if (isUniqueViolation(e)) {
                throw new StatementConflict(e);
            }
            throw new IllegalStateException("storing statements failed: " + e.getMessage(), e);
        }
    }

    /**
     * What the store already holds about a request's ids, in one round trip: the statements stored under them, and the
     * voiding statements that target them.
     */
    private record Held(Map<UUID, String> copies, Set<UUID> voidedTargets) {
    }

    private static Held held(Connection c, long tenant, List<NewStatement> sorted) throws SQLException {
        Map<UUID, String> copies = new HashMap<>();
        Set<UUID> voidedTargets = new HashSet<>();
        // Two arms rather than one OR, so that each uses its own index on PostgreSQL and H2 alike.
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, statement_json, FALSE AS voiding FROM xapi_statement WHERE tenant_id = ? AND id = ANY (?)"
                + " UNION ALL SELECT voiding_target, NULL, TRUE FROM xapi_statement"
                + " WHERE tenant_id = ? AND voiding_target = ANY (?)")) {
            Array ids = c.createArrayOf("UUID", sorted.stream().map(NewStatement::id).toArray());
            ps.setLong(1, tenant);
            ps.setArray(2, ids);
            ps.setLong(3, tenant);
            ps.setArray(4, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    if (rs.getBoolean(3)) {
                        voidedTargets.add(id);
                    } else {
                        copies.put(id, rs.getString(2));
                    }
                }
            }
        }
        return new Held(copies, voidedTargets);
    }

    /**
     * Statement immutability (1.0.3 Data §2.4.1 / Communication §2.1.2): an id already stored with the
     * same content is accepted without change; with other content it is a 409.
     */
    private static List<NewStatement> withoutEquivalentCopies(Held held, List<NewStatement> sorted) {
        List<NewStatement> fresh = new ArrayList<>();
        for (NewStatement s : sorted) {
            String stored = held.copies().get(s.id());
            if (stored == null) {
                fresh.add(s);
            } else if (!StatementEquivalence.equivalent(s.sent(), read(stored))) {
                throw XapiException.conflict("id", "statement " + s.id()
                        + " is already stored with different content; statements are immutable");
            }
        }
        return fresh;
    }

    /** 1.0.3 Data §2.3.2: a voiding statement cannot target another voiding statement. */
    private void checkVoidingTargets(Connection c, long tenant, List<NewStatement> fresh) throws SQLException {
        Set<UUID> targets = new HashSet<>();
        Set<UUID> voidingInBatch = new HashSet<>();
        for (NewStatement s : fresh) {
            s.voidingTarget().ifPresent(t -> {
                targets.add(t);
                voidingInBatch.add(s.id());
            });
        }
        if (targets.isEmpty()) {
            return;
        }
        for (UUID t : targets) {
            if (voidingInBatch.contains(t)) {
                throw XapiException.invalid("object.id", "statement " + t + " is a voiding statement; it cannot be voided");
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM xapi_statement WHERE tenant_id = ? "
                + "AND id = ANY (?) AND voiding_target IS NOT NULL")) {
            ps.setLong(1, tenant);
            ps.setArray(2, c.createArrayOf("UUID", targets.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    throw XapiException.invalid("object.id", "statement " + rs.getObject(1, UUID.class)
                            + " is a voiding statement; it cannot be voided");
                }
            }
        }
    }

    /** A statement whose voiding statement arrived first, or arrives with it, is stored voided. */
    private static Set<UUID> voidedBeforeArrival(Held held, List<NewStatement> fresh) {
        Set<UUID> voided = new HashSet<>();
        fresh.forEach(s -> s.voidingTarget().ifPresent(voided::add));
        for (NewStatement s : fresh) {
            if (held.voidedTargets().contains(s.id())) {
                voided.add(s.id());
            }
        }
        return voided;
    }

    private void insertStatements(Connection c, long tenant, List<NewStatement> fresh, long[] seqs,
            OffsetDateTime stored, Set<UUID> voided) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO xapi_statement (tenant_id, id, seq, stored, "
                + "registration, voiding_target, voided, has_attachments, statement_json) VALUES (?,?,?,?,?,?,?,?,?)")) {
            for (int i = 0; i < fresh.size(); i++) {
                NewStatement s = fresh.get(i);
                ps.setLong(1, tenant);
                ps.setObject(2, s.id());
                ps.setLong(3, seqs[i]);
                ps.setObject(4, stored);
                Sequences.setUuid(ps, 5, s.registration().orElse(null));
                Sequences.setUuid(ps, 6, s.voidingTarget().orElse(null));
                ps.setBoolean(7, voided.contains(s.id()) && s.voidingTarget().isEmpty());
                ps.setBoolean(8, s.hasAttachments());
                ps.setString(9, s.statement().toString());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Voiding statements void their (non-voiding) targets: they leave query results from now on. */
    private void markVoided(Connection c, long tenant, List<NewStatement> fresh) throws SQLException {
        List<UUID> targets = fresh.stream().flatMap(s -> s.voidingTarget().stream()).sorted().distinct().toList();
        if (targets.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE xapi_statement SET voided = TRUE "
                + "WHERE tenant_id = ? AND id = ? AND voiding_target IS NULL")) {
            for (UUID t : targets) {
                ps.setLong(1, tenant);
                ps.setObject(2, t);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static boolean isUniqueViolation(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if ("23505".equals(x.getSQLState())) {
                return true;
            }
        }
        return e.getCause() instanceof SQLException cause && "23505".equals(cause.getSQLState());
    }

    private static JsonNode read(String json) {
        try {
            return XapiJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored statement is not JSON", e);
        }
    }
}
