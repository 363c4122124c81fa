package org.learninghub.connect.hub.catalogue.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.learninghub.connect.hub.catalogue.CatalogueDatabase;

/** The {@code catalogue_import} table: every stored or refused import with its whole report, as JSON. */
@ApplicationScoped
public class ImportLog {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    /** The list shows the newest imports first, this many at most. */
    static final int LIST_MAX = 200;

    @Inject
    CatalogueDatabase db;

    void keep(Connection c, ImportReport report) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("insert into catalogue_import (id, source, created_by, created,"
                + " strict, outcome, total_rows, accepted, warnings, rejected, created_count, updated_count, report)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setObject(1, report.id());
            st.setString(2, report.source());
            st.setString(3, report.createdBy());
            st.setObject(4, report.created().atOffset(java.time.ZoneOffset.UTC));
            st.setBoolean(5, report.strict());
            st.setString(6, report.outcome());
            st.setInt(7, report.totals().rows());
            st.setInt(8, report.totals().accepted());
            st.setInt(9, report.totals().warnings());
            st.setInt(10, report.totals().rejected());
            st.setInt(11, report.totals().created());
            st.setInt(12, report.totals().updated());
            st.setString(13, JSON.writeValueAsString(report));
            st.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<ImportReport> list() {
        List<ImportReport> out = new ArrayList<>();
        try (Connection c = db.connection();
             PreparedStatement st = c.prepareStatement("select id, source, created_by, created, strict, outcome,"
                     + " total_rows, accepted, warnings, rejected, created_count, updated_count"
                     + " from catalogue_import order by created desc")) {
            // The list never reads the reports themselves: each may be megabytes.
            st.setMaxRows(LIST_MAX);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new ImportReport(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getObject(4, java.time.OffsetDateTime.class).toInstant(), false, rs.getBoolean(5),
                            rs.getString(6), new ImportReport.Totals(rs.getInt(7), rs.getInt(8), rs.getInt(9),
                            rs.getInt(10), rs.getInt(11), rs.getInt(12)), null));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list imports", e);
        }
    }

    public Optional<ImportReport> find(UUID id) {
        try (Connection c = db.connection();
             PreparedStatement st = c.prepareStatement("select report from catalogue_import where id = ?")) {
            st.setObject(1, id);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(parse(rs.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read an import", e);
        }
    }

    private static ImportReport parse(String json) {
        try {
            return JSON.readValue(json, ImportReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable import report", e);
        }
    }
}
