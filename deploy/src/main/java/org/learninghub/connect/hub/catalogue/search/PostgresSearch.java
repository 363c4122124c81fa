package org.learninghub.connect.hub.catalogue.search;

import java.util.List;

/** PostgreSQL full-text search over {@code search_vector} (vendor migration V41, GIN-indexed). */
final class PostgresSearch {

    private PostgresSearch() {
    }

    static CatalogueSearch.SqlParts of(SearchQuery query) {
        if (query.q().isEmpty()) {
            return new CatalogueSearch.SqlParts("", List.of(), "0", List.of(), "1 = 1", List.of(),
                    "r.updated desc, r.id");
        }
        // websearch_to_tsquery accepts any text (quotes, "or", -word) and never fails on its syntax.
        return new CatalogueSearch.SqlParts(" cross join websearch_to_tsquery('english', ?) q", List.of(query.q()),
                "ts_rank(r.search_vector, q)", List.of(), "r.search_vector @@ q", List.of(),
                "relevance desc, r.title_key, r.id");
    }
}
