package org.learninghub.connect.hub.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.learninghub.connect.xapi.http.XapiJson;
import org.learninghub.connect.xapi.statement.store.NewStatement;
import org.learninghub.connect.xapi.statement.store.StatementListener;

/**
 * The outcome of an attempt, written in the transaction of the statement that reports it: the session is marked
 * finished (a relaunch then starts a new attempt) and a score job is queued in {@code outbox_job}, at most one per
 * attempt and outcome (a unique key), so duplicate statements queue nothing more. {@code hub.bridge.outbox.OutboxWorker}
 * delivers them (see federation.md).
 */
@ApplicationScoped
public class OutcomeListener implements StatementListener {

    private static final Map<String, String> OUTCOMES = Map.of(
            "http://adlnet.gov/expapi/verbs/completed", "completed",
            "http://adlnet.gov/expapi/verbs/passed", "passed",
            "http://adlnet.gov/expapi/verbs/failed", "failed");

    @Override
    public void stored(Connection c, long tenant, List<NewStatement> statements,
                       Set<UUID> voidedBeforeArrival) throws SQLException {
        for (NewStatement s : statements) {
            if (s.registration().isEmpty()) {
                continue;
            }
            JsonNode score = s.statement().path("result").path("score");
            Optional<String> outcome = Optional.ofNullable(OUTCOMES.get(s.verb()))
                    .or(() -> score.isObject() ? Optional.of("scored") : Optional.empty());
            if (outcome.isEmpty()) {
                continue;
            }
            Optional<LaunchSession> session = LaunchSessions.find(c, tenant, s.registration().get());
            if (session.isEmpty()) {
                continue;
            }
            Instant now = Instant.now();
            if (!"scored".equals(outcome.get())) {
                LaunchSessions.finish(c, session.get().registration(), outcome.get(), now);
            }
            queue(c, tenant, session.get(), outcome.get(), s, score, now);
        }
    }

    private static void queue(Connection c, long tenant, LaunchSession session, String outcome, NewStatement s,
                              JsonNode score, Instant now) throws SQLException {
        ObjectNode payload = XapiJson.MAPPER.createObjectNode();
        payload.put("userId", session.subject());
        payload.put("activityProgress", "scored".equals(outcome) ? "InProgress" : "Completed");
        payload.put("gradingProgress", score.isObject() ? "FullyGraded" : "Pending");
        if (score.has("scaled")) {
            payload.put("scaled", score.get("scaled").asDouble());
        } else if (score.has("raw")) {
            payload.put("raw", score.get("raw").asDouble());
            if (score.has("min")) {
                payload.put("min", score.get("min").asDouble());
            }
            if (score.has("max")) {
                payload.put("max", score.get("max").asDouble());
            }
        }
        payload.put("timestamp", s.statement().path("timestamp").asText());
        // A second statement of the same outcome (a re-send, a retry) queues nothing more. Two arriving at the same
        // instant meet the unique key: the LRS retries the later request, which then finds the job.
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox_job (tenant_id, registration, outcome,"
                + " statement_id, payload, status, attempts, next_attempt, created) SELECT ?,?,?,?,?,'pending',0,?,?"
                + " WHERE NOT EXISTS (SELECT 1 FROM outbox_job WHERE registration = ? AND outcome = ?)")) {
            ps.setLong(1, tenant);
            ps.setObject(2, session.registration());
            ps.setString(3, outcome);
            ps.setObject(4, s.id());
            ps.setString(5, payload.toString());
            ps.setObject(6, LaunchSessions.utc(now));
            ps.setObject(7, LaunchSessions.utc(now));
            ps.setObject(8, session.registration());
            ps.setString(9, outcome);
            ps.executeUpdate();
        }
    }
}
