package org.learninghub.connect.hub.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.learninghub.connect.hub.catalogue.quality.CleanResource;
import org.learninghub.connect.hub.catalogue.quality.Problem;
import org.learninghub.connect.hub.catalogue.quality.QualityCheck;

/** The {@code catalogue_resource} columns: how a clean resource is written and a row read back. */
public final class ResourceRows {

    /** Every column read back, the owner's code joined from {@code trust}. */
    public static final String COLUMNS = "r.id, r.title, r.description, r.keywords, r.type, r.launch_url,"
            + " r.activity_id, r.version, t.code, r.source, r.source_id, r.audience, r.licence, r.status, r.gradable,"
            + " r.score_maximum, r.quality_score, r.quality_warnings, r.review_comments, r.created, r.updated";
    public static final String FROM = " from catalogue_resource r left join trust t on t.id = r.owner_trust_id";

    public static final String INSERT = "insert into catalogue_resource (title, title_key, description, keywords, type,"
            + " launch_url, activity_id, version, owner_trust_id, source, source_id, audience, licence, gradable,"
            + " score_maximum, quality_score, quality_warnings, status, updated, id, created)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** The same first 19 parameters as {@link #INSERT}, then the id. */
    public static final String UPDATE = "update catalogue_resource set title = ?, title_key = ?, description = ?,"
            + " keywords = ?, type = ?, launch_url = ?, activity_id = ?, version = ?, owner_trust_id = ?, source = ?,"
            + " source_id = ?, audience = ?, licence = ?, gradable = ?, score_maximum = ?, quality_score = ?,"
            + " quality_warnings = ?, status = ?, updated = ? where id = ?";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<StoredProblem>> PROBLEMS = new TypeReference<>() { };

    private ResourceRows() {
    }

    /** Sets parameters 1 to 19 of {@link #INSERT} and {@link #UPDATE}. */
    public static void bind(PreparedStatement st, CleanResource r, Long ownerId, QualityCheck check,
                            ResourceStatus status, Instant now) throws SQLException {
        st.setString(1, r.title());
        st.setString(2, r.titleKey());
        st.setString(3, r.description());
        st.setString(4, r.keywords().isEmpty() ? null : String.join(";", r.keywords()));
        st.setString(5, r.type().code());
        st.setString(6, r.launchUrl());
        st.setString(7, r.activityId());
        st.setString(8, r.version());
        if (ownerId == null) {
            st.setNull(9, Types.BIGINT);
        } else {
            st.setLong(9, ownerId);
        }
        st.setString(10, r.source());
        st.setString(11, r.sourceId());
        st.setString(12, r.audience().isEmpty() ? null : String.join(";", r.audience()));
        st.setString(13, r.licence());
        st.setBoolean(14, r.gradable());
        if (r.scoreMaximum() == null) {
            st.setNull(15, Types.DOUBLE);
        } else {
            st.setDouble(15, r.scoreMaximum());
        }
        st.setInt(16, check.score());
        st.setString(17, warningsJson(check.warnings()));
        st.setString(18, status.code());
        st.setObject(19, now.atOffset(ZoneOffset.UTC));
    }

    public static Resource read(ResultSet rs) throws SQLException {
        double max = rs.getDouble(16);
        Double scoreMaximum = rs.wasNull() ? null : max;
        return new Resource(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), list(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11), list(rs.getString(12)), rs.getString(13), rs.getString(14),
                rs.getBoolean(15), scoreMaximum, rs.getInt(17), warnings(rs.getString(18)), rs.getString(19),
                rs.getObject(20, OffsetDateTime.class).toInstant(), rs.getObject(21, OffsetDateTime.class).toInstant());
    }

    static String warningsJson(List<Problem> warnings) {
        try {
            return JSON.writeValueAsString(warnings.stream()
                    .map(p -> new StoredProblem(p.field(), p.rule(), p.value())).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Problem> warnings(String json) {
        try {
            return JSON.readValue(json, PROBLEMS).stream().map(p -> Problem.warning(p.field(), p.rule(), p.value()))
                    .toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable quality warnings", e);
        }
    }

    private static List<String> list(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(";"));
    }

    record StoredProblem(String field, String rule, String value) {
    }
}
