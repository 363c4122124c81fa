package org.learninghub.connect.hub.catalogue.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The embedded database's equivalent of full-text search: every word (at most {@link #MAX_WORDS}) must occur in
 * the title, keywords or description; the rank adds 3 for a title, 2 for a keyword and 1 for a description match.
 */
final class H2Search {

    static final int MAX_WORDS = 8;

    private H2Search() {
    }

    static CatalogueSearch.SqlParts of(SearchQuery query) {
        Set<String> words = new LinkedHashSet<>();
        for (String w : query.q().toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!w.isEmpty() && words.size() < MAX_WORDS) {
                words.add(w);
            }
        }
        if (words.isEmpty()) {
            return new CatalogueSearch.SqlParts("", List.of(), "0", List.of(), "1 = 1", List.of(),
                    "r.updated desc, r.id");
        }
        List<String> where = new ArrayList<>();
        List<String> rank = new ArrayList<>();
        List<Object> whereParams = new ArrayList<>();
        List<Object> rankParams = new ArrayList<>();
        for (String w : words) {
            String like = "%" + escape(w) + "%";
            where.add("(lower(r.title) like ? escape '\\' or lower(coalesce(r.keywords, '')) like ? escape '\\'"
                    + " or lower(coalesce(r.description, '')) like ? escape '\\')");
            rank.add("case when lower(r.title) like ? escape '\\' then 3 else 0 end"
                    + " + case when lower(coalesce(r.keywords, '')) like ? escape '\\' then 2 else 0 end"
                    + " + case when lower(coalesce(r.description, '')) like ? escape '\\' then 1 else 0 end");
            for (int i = 0; i < 3; i++) {
                whereParams.add(like);
                rankParams.add(like);
            }
        }
        return new CatalogueSearch.SqlParts("", List.of(), "(" + String.join(" + ", rank) + ")", rankParams,
                String.join(" and ", where), whereParams, "relevance desc, r.title_key, r.id");
    }

    /** LIKE wildcards in a word are matched literally. */
    private static String escape(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
