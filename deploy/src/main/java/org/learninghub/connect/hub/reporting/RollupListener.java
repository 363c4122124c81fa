package org.learninghub.connect.hub.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.learninghub.connect.xapi.statement.store.NewStatement;
import org.learninghub.connect.xapi.statement.store.StatementListener;

/**
 * Maintains the roll-ups in the transaction of the statements they count (see src/docs/reporting.md). A statement
 * counts for a catalogue resource through its registration (a launch session: the resource launched) or else its
 * object (the resource whose activity IRI it is); statements about anything else are not reported on.
 */
@ApplicationScoped
public class RollupListener implements StatementListener {

    /** The longest activity IRI a catalogue resource can have (catalogue_resource.activity_id). */
    private static final int MAX_IRI = 2048;

    @Override
    public void stored(Connection c, long tenant, List<NewStatement> statements, Set<UUID> voidedBefore)
            throws SQLException {
        Instant now = Instant.now();
        Map<UUID, Optional<Session>> sessions = new HashMap<>();
        // The sessions of outcomes are locked first and in registration order, whatever the statements' order.
        List<UUID> outcomes = statements.stream().filter(s -> s.voidingTarget().isEmpty()
                && Kind.of(s.verb()).stream().anyMatch(Kind::perAttempt)).flatMap(s -> s.registration().stream())
                .distinct().sorted().toList();
        for (UUID registration : outcomes) {
            sessions.put(registration, session(c, tenant, registration, true));
        }
        Map<String, Optional<UUID>> resources = new HashMap<>();
        List<Fact> facts = new ArrayList<>();
        Set<Activity> activity = new HashSet<>();
        List<UUID> voided = new ArrayList<>();
        for (NewStatement s : statements) {
            if (s.voidingTarget().isPresent()) {
                voided.add(s.voidingTarget().get());
                continue;
            }
            Optional<String> learner = StatementFacts.learner(s.statement());
            if (learner.isEmpty()) {
                continue;
            }
            List<Kind> kinds = voidedBefore.contains(s.id()) ? List.of() : Kind.of(s.verb());
            boolean outcome = kinds.stream().anyMatch(Kind::perAttempt);
            Optional<Session> session = s.registration().isEmpty() ? Optional.empty()
                    : sessions.computeIfAbsent(s.registration().get(), r -> session(c, tenant, r, outcome));
            Optional<UUID> resource = session.map(Session::resource).or(() -> StatementFacts.activity(s.statement())
                    .filter(iri -> iri.length() <= MAX_IRI)
                    .flatMap(iri -> resources.computeIfAbsent(iri, i -> resource(c, i))));
            if (resource.isEmpty()) {
                continue;
            }
            Instant occurred = StatementFacts.occurred(s.statement(), now);
            activity.add(new Activity(resource.get(), Days.day(occurred), learner.get()));
            for (Kind kind : kinds) {
                UUID attempt = kind.perAttempt() ? s.registration().orElse(s.id()) : s.id();
                Optional<Long> seconds = kind != Kind.COMPLETION ? Optional.empty()
                        : StatementFacts.duration(s.statement())
                                .or(() -> session.flatMap(x -> StatementFacts.since(x.started(), occurred)));
                facts.add(new Fact(s.id(), kind, attempt, resource.get(), learner.get(), occurred, seconds));
            }
        }
        if (facts.isEmpty() && activity.isEmpty() && voided.isEmpty()) {
            return;
        }
        // Before any roll-up row is written: old days' compacted summaries go (reporting.md, "Compaction").
        Set<LocalDate> days = new HashSet<>();
        facts.forEach(f -> days.add(f.day()));
        activity.forEach(a -> days.add(a.day()));
        if (!voided.isEmpty()) {
            days.addAll(Rollups.attemptDays(c, tenant, voided));
        }
        SummaryInvalidation.changing(c, tenant, days, Days.day(now));
        Rollups rollups = new Rollups(c, tenant).record(facts, activity);
        if (!voided.isEmpty()) {
            rollups.voided(voided);
        }
        rollups.flush();
    }

    /**
     * The launch session of a registration. For an outcome its row is locked first, as the bridge's outcome listener
     * locks it to mark the attempt finished: a launch takes the session and then the counters, so every transaction
     * does the same whichever listener runs first.
     */
    private static Optional<Session> session(Connection c, long tenant, UUID registration, boolean lock) {
        try (PreparedStatement ps = c.prepareStatement("SELECT resource_id, started FROM launch_session"
                + " WHERE tenant_id = ? AND registration = ?" + (lock ? " FOR UPDATE" : ""))) {
            ps.setLong(1, tenant);
            ps.setObject(2, registration);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Timestamp started = rs.getTimestamp(2);
                return Optional.of(new Session(rs.getObject(1, UUID.class), started.toInstant()));
            }
        } catch (SQLException e) {
            throw new ReadFailure(e);
        }
    }

    /** The catalogue resource with this activity IRI (the oldest, should several share it). */
    static Optional<UUID> resource(Connection c, String iri) {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM catalogue_resource WHERE activity_id = ? ORDER BY created, id LIMIT 1")) {
            ps.setString(1, iri);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new ReadFailure(e);
        }
    }

    private record Session(UUID resource, Instant started) {
    }

    /** A failed lookup inside a lambda; the statement's transaction rolls back as for any SQL failure. */
    static final class ReadFailure extends IllegalStateException {
        ReadFailure(SQLException e) {
            super("reading what a statement reports on failed: " + e.getMessage(), e);
        }
    }
}
