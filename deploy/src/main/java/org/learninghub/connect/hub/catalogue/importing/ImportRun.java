package org.learninghub.connect.hub.catalogue.importing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.learninghub.connect.hub.catalogue.CatalogueDatabase;
import org.learninghub.connect.hub.catalogue.Duplicates;
import org.learninghub.connect.hub.catalogue.ResourceRows;
import org.learninghub.connect.hub.catalogue.ResourceStatus;
import org.learninghub.connect.hub.catalogue.quality.CleanResource;
import org.learninghub.connect.hub.catalogue.quality.Problem;
import org.learninghub.connect.hub.catalogue.quality.QualityCheck;

/**
 * One import, start to end, on one connection in one transaction: every row checked (quality rules, duplicates in
 * the file and against the catalogue, owner trusts), then, unless it is a dry run or strict mode found a rejected
 * row, the accepted rows written in JDBC batches — an update where the source already holds the row's source id
 * (re-imports never duplicate), an insert otherwise — and the import kept with its report. Any failure rolls all
 * of it back.
 */
@ApplicationScoped
public class ImportRun {

    /** Rows per JDBC batch. */
    static final int BATCH = 1000;

    @Inject
    CatalogueDatabase db;

    @Inject
    ImportLog log;

    public ImportReport run(ImportRequest request, List<ImportRow> rows, String who) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                ImportReport report = run(c, request, rows, who);
                c.commit();
                return report;
            } catch (RuntimeException | SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot import into the catalogue", e);
        }
    }

    private ImportReport run(Connection c, ImportRequest request, List<ImportRow> rows, String who)
            throws SQLException {
        ImportChecks checks = new ImportChecks();
        List<QualityCheck> results = new ArrayList<>(rows.size());
        for (ImportRow row : rows) {
            results.add(checks.check(row, request.source()));
        }
        Map<String, Long> trusts = CatalogueDatabase.trustIds(c);
        Map<String, UUID> existing = existing(c, request.source());
        List<CleanResource> clean = results.stream().flatMap(r -> r.clean().stream()).toList();
        Duplicates.Found found = Duplicates.find(c, clean);
        for (int i = 0; i < rows.size(); i++) {
            QualityCheck r = results.get(i);
            if (r.clean().isEmpty()) {
                continue;
            }
            CleanResource res = r.clean().get();
            List<Problem> more = new ArrayList<>(found.problems(res, existing.get(res.sourceId())));
            if (res.ownerTrust() != null && !trusts.containsKey(res.ownerTrust())) {
                more.add(Problem.rejected("ownerTrust", "unknown-trust", res.ownerTrust()));
            }
            results.set(i, r.with(more));
        }

        int accepted = 0;
        int warnings = 0;
        int rejected = 0;
        List<ImportReport.RowReport> reported = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            QualityCheck r = results.get(i);
            if (r.rejected()) {
                rejected++;
            } else if (!r.problems().isEmpty()) {
                warnings++;
            } else {
                accepted++;
            }
            if (!r.problems().isEmpty()) {
                reported.add(new ImportReport.RowReport(rows.get(i).row(), rows.get(i).sourceId(),
                        r.rejected() ? "rejected" : "warning", r.problems()));
            }
        }
        boolean refused = request.strict() && rejected > 0;
        String outcome = request.dryRun() ? "dry-run" : refused ? "refused" : "stored";
        int created = 0;
        int updated = 0;
        if ("stored".equals(outcome)) {
            int[] counts = write(c, results, existing, trusts);
            created = counts[0];
            updated = counts[1];
        }
        ImportReport report = new ImportReport(request.dryRun() ? null : UUID.randomUUID(), request.source(), who,
                Instant.now(), request.dryRun(), request.strict(), outcome,
                new ImportReport.Totals(rows.size(), accepted, warnings, rejected, created, updated), reported);
        if (!request.dryRun()) {
            log.keep(c, report);
        }
        return report;
    }

    /** The ids of the resources this source already created, by the source's own id. */
    private static Map<String, UUID> existing(Connection c, String source) throws SQLException {
        Map<String, UUID> ids = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement(
                "select source_id, id from catalogue_resource where source = ?")) {
            st.setString(1, source);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(1), rs.getObject(2, UUID.class));
                }
            }
        }
        return ids;
    }

    /** Writes every accepted row; returns {created, updated}. Updates keep the resource's status. */
    private static int[] write(Connection c, List<QualityCheck> results, Map<String, UUID> existing,
                               Map<String, Long> trusts) throws SQLException {
        Instant now = Instant.now();
        int created = 0;
        int updated = 0;
        String statusKeepingUpdate = ResourceRows.UPDATE.replace(" status = ?,", " status = coalesce(status, ?),");
        try (PreparedStatement insert = c.prepareStatement(ResourceRows.INSERT);
             PreparedStatement update = c.prepareStatement(statusKeepingUpdate)) {
            for (QualityCheck r : results) {
                if (r.clean().isEmpty()) {
                    continue;
                }
                CleanResource res = r.clean().get();
                Long owner = res.ownerTrust() == null ? null : trusts.get(res.ownerTrust());
                ResourceStatus status = owner == null ? ResourceStatus.PUBLISHED : ResourceStatus.IN_REVIEW;
                UUID id = existing.get(res.sourceId());
                if (id == null) {
                    ResourceRows.bind(insert, res, owner, r, status, now);
                    insert.setObject(20, UUID.randomUUID());
                    insert.setObject(21, now.atOffset(ZoneOffset.UTC));
                    insert.addBatch();
                    if (++created % BATCH == 0) {
                        insert.executeBatch();
                    }
                } else {
                    ResourceRows.bind(update, res, owner, r, status, now);
                    update.setObject(20, id);
                    update.addBatch();
                    if (++updated % BATCH == 0) {
                        update.executeBatch();
                    }
                }
            }
            insert.executeBatch();
            update.executeBatch();
        }
        return new int[] {created, updated};
    }
}
