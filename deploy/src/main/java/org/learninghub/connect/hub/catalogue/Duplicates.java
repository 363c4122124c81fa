package org.learninghub.connect.hub.catalogue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.learninghub.connect.hub.catalogue.quality.CleanResource;
import org.learninghub.connect.hub.catalogue.quality.Problem;

/**
 * Finds catalogue resources that already hold a title, launch URL or activity IRI. A resource never duplicates
 * itself (the same id, or the same source and source id, which an import updates). Activity IRIs and launch URLs
 * identify content, so a duplicate is rejected; a duplicate title is a warning (two trusts may name alike).
 */
public final class Duplicates {

    /** Values looked up per query; keeps {@code in (…)} lists short on both databases. */
    static final int CHUNK = 500;

    public record Holder(UUID id, String source, String sourceId) {
        boolean is(UUID otherId, String otherSource, String otherSourceId) {
            return id.equals(otherId) || (source != null && source.equals(otherSource)
                    && Objects.equals(sourceId, otherSourceId));
        }
    }

    /** Holders of each value in the catalogue, per column: title_key, launch_url, activity_id. */
    public record Found(Map<String, List<Holder>> titles, Map<String, List<Holder>> launchUrls,
                        Map<String, List<Holder>> activityIds) {

        public List<Problem> problems(CleanResource r, UUID self) {
            List<Problem> out = new ArrayList<>();
            if (others(activityIds.get(r.activityId()), r, self)) {
                out.add(Problem.rejected("activityId", "duplicate-in-catalogue", r.activityId()));
            }
            if (others(launchUrls.get(r.launchUrl()), r, self)) {
                out.add(Problem.rejected("launchUrl", "duplicate-in-catalogue", r.launchUrl()));
            }
            if (others(titles.get(r.titleKey()), r, self)) {
                out.add(Problem.warning("title", "duplicate-in-catalogue", r.title()));
            }
            return out;
        }

        private static boolean others(List<Holder> holders, CleanResource r, UUID self) {
            return holders != null && holders.stream().anyMatch(h -> !h.is(self, r.source(), r.sourceId()));
        }
    }

    private Duplicates() {
    }

    public static Found find(Connection c, Collection<CleanResource> resources) throws SQLException {
        return new Found(lookup(c, "title_key", resources.stream().map(CleanResource::titleKey).toList()),
                lookup(c, "launch_url", resources.stream().map(CleanResource::launchUrl).toList()),
                lookup(c, "activity_id", resources.stream().map(CleanResource::activityId).filter(Objects::nonNull)
                        .toList()));
    }

    private static Map<String, List<Holder>> lookup(Connection c, String column, List<String> values)
            throws SQLException {
        Map<String, List<Holder>> found = new HashMap<>();
        List<String> distinct = values.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + CHUNK));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            // The column name is one of three constants above, never input.
            try (PreparedStatement st = c.prepareStatement("select " + column + ", id, source, source_id"
                    + " from catalogue_resource where " + column + " in (" + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    st.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        found.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                .add(new Holder(rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4)));
                    }
                }
            }
        }
        return found;
    }
}
