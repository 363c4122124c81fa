package org.learninghub.connect.hub.catalogue.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.learninghub.connect.hub.catalogue.CatalogueDatabase;
import org.learninghub.connect.hub.catalogue.Resource;
import org.learninghub.connect.hub.catalogue.ResourceRows;

/**
 * Runs a {@link SearchQuery}: on PostgreSQL the GIN-indexed {@code search_vector} (title weight A, keywords B,
 * description C) with {@code websearch_to_tsquery} and {@code ts_rank}; on H2, which has neither, every word must
 * occur in title, keywords or description ({@code LIKE}) and the rank counts where (3, 2, 1 per word).
 */
@ApplicationScoped
public class CatalogueSearch {

    @Inject
    CatalogueDatabase db;

    public ResourcePage search(SearchQuery query) {
        try (Connection c = db.connection()) {
            return search(c, query, db.isPostgres());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot search the catalogue", e);
        }
    }

    /** Also used by the search benchmark, on a connection of its own. */
    public static ResourcePage search(Connection c, SearchQuery query, boolean postgres) throws SQLException {
        SqlParts sql = postgres ? PostgresSearch.of(query) : H2Search.of(query);
        List<Object> params = new ArrayList<>(sql.joinParams());
        params.addAll(sql.params());
        StringBuilder where = new StringBuilder(sql.where());
        Filters.append(query, where, params);
        long total;
        try (PreparedStatement st = c.prepareStatement("select count(*)" + ResourceRows.FROM + sql.join()
                + " where " + where)) {
            bind(st, params);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
        }
        List<Resource> items = new ArrayList<>();
        if (total > query.offset()) {
            List<Object> all = new ArrayList<>(sql.rankParams());
            all.addAll(params);
            all.add(query.size());
            all.add(query.offset());
            try (PreparedStatement st = c.prepareStatement("select " + ResourceRows.COLUMNS + ", " + sql.rank()
                    + " as relevance" + ResourceRows.FROM + sql.join() + " where " + where + " order by " + sql.order()
                    + " limit ? offset ?")) {
                bind(st, all);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        items.add(ResourceRows.read(rs));
                    }
                }
            }
        }
        return new ResourcePage(items, total, query.page(), query.size());
    }

    private static void bind(PreparedStatement st, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            st.setObject(i + 1, params.get(i));
        }
    }

    /** The vendor-specific parts of a search statement; the joins and filters around them are shared. */
    record SqlParts(String join, List<Object> joinParams, String rank, List<Object> rankParams, String where,
                    List<Object> params, String order) {
    }
}
