package org.learninghub.connect.hub.reporting;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which stored statements the statement browser lists: optionally one trust (tenant), and every other filter as
 * the admin API named it. {@link #where()} reads the statement table {@code s} joined to its launch session
 * {@code ls}; every filter is a probe of an index led by the tenant (see src/docs/reporting.md).
 *
 * @param resourceIri the resource's activity IRI when statements about it count for it (it is the oldest resource
 *                    with that IRI, as in the roll-ups); empty when only its launch sessions do
 * @param after       the stored-order key (seq) of the last statement of the previous page
 */
record StatementFilter(Optional<Long> tenant, Optional<UUID> resource, Optional<String> resourceIri,
                       Optional<String> learner, Optional<String> verb, Optional<UUID> registration,
                       Optional<OffsetDateTime> since, Optional<OffsetDateTime> until, Optional<Long> after) {

    /**
     * How far stored time and stored order (seq) may disagree (requests take their stored time before their seq):
     * the seq bounds that let since/until enter the stored-order index are looked up this much wider, and the exact
     * stored condition still applies.
     */
    static final Duration ORDER_SKEW = Duration.ofSeconds(60);

    /** The same filter within one trust. */
    StatementFilter in(long tenantId) {
        return new StatementFilter(Optional.of(tenantId), resource, resourceIri, learner, verb, registration, since,
                until, after);
    }

    String where() {
        StringBuilder sql = new StringBuilder(" WHERE s.voided = FALSE");
        tenant.ifPresent(t -> sql.append(" AND s.tenant_id = ?"));
        after.ifPresent(a -> sql.append(" AND s.seq < ?"));
        if (tenant.isPresent()) {
            // Within a trust, since/until also bound seq (one probe of the stored index each), so an old window
            // is entered directly instead of walking every newer statement.
            since.ifPresent(t -> sql.append(" AND s.seq >= COALESCE((SELECT b.seq FROM xapi_statement b WHERE"
                    + " b.tenant_id = ? AND b.stored > ? ORDER BY b.stored ASC FETCH FIRST 1 ROWS ONLY), 0)"));
            until.ifPresent(t -> sql.append(" AND s.seq <= COALESCE((SELECT b.seq FROM xapi_statement b WHERE"
                    + " b.tenant_id = ? AND b.stored <= ? ORDER BY b.stored DESC FETCH FIRST 1 ROWS ONLY),"
                    + " 0)"));
        }
        learner.ifPresent(l -> sql.append(" AND EXISTS (SELECT 1 FROM xapi_statement_agent a WHERE a.tenant_id ="
                + " s.tenant_id AND a.ifi = ? AND a.seq = s.seq AND a.relation = 'D')"));
        verb.ifPresent(v -> sql.append(" AND EXISTS (SELECT 1 FROM xapi_statement_verb v WHERE v.tenant_id ="
                + " s.tenant_id AND v.iri = ? AND v.seq = s.seq)"));
        registration.ifPresent(r -> sql.append(" AND s.registration = ?"));
        since.ifPresent(t -> sql.append(" AND s.stored > ?"));
        until.ifPresent(t -> sql.append(" AND s.stored <= ?"));
        // As the roll-ups count: through the launch session of the registration, or else through the object.
        resource.ifPresent(r -> sql.append(" AND (ls.resource_id = ?").append(resourceIri.isPresent()
                // The trust bound as a value, not only through s: PostgreSQL turns this EXISTS into a hashed
                // subplan, which then reads the link index by (trust, IRI) instead of the whole table.
                ? " OR (ls.registration IS NULL AND EXISTS (SELECT 1 FROM xapi_statement_activity o WHERE"
                + " o.tenant_id = s.tenant_id" + (tenant.isPresent() ? " AND o.tenant_id = ?" : "")
                + " AND o.iri = ? AND o.seq = s.seq AND o.relation = 'D'))" : "")
                .append(")"));
        return sql.toString();
    }

    List<Object> args() {
        List<Object> args = new ArrayList<>();
        tenant.ifPresent(args::add);
        after.ifPresent(args::add);
        if (tenant.isPresent()) {
            since.ifPresent(t -> {
                args.add(tenant.get());
                args.add(t.minus(ORDER_SKEW));
            });
            until.ifPresent(t -> {
                args.add(tenant.get());
                args.add(t.plus(ORDER_SKEW));
            });
        }
        learner.ifPresent(args::add);
        verb.ifPresent(args::add);
        registration.ifPresent(args::add);
        since.ifPresent(args::add);
        until.ifPresent(args::add);
        resource.ifPresent(r -> {
            args.add(r);
            resourceIri.ifPresent(iri -> {
                tenant.ifPresent(args::add);
                args.add(iri);
            });
        });
        return args;
    }
}
