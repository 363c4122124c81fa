package org.learninghub.connect.hub.catalogue.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.learninghub.connect.hub.api.HubProblem;
import org.learninghub.connect.hub.catalogue.ResourceStatus;

/** Every bound of a search is a 400 naming its parameter; the H2 statement matches words literally. */
class SearchQueryTest {

    @Test
    void boundsNameTheirParameter() {
        assertEquals("q", assertThrows(HubProblem.class, () -> SearchQuery.of("w".repeat(201), null, null, null, null,
                null, null)).field());
        assertEquals("type", assertThrows(HubProblem.class, () -> SearchQuery.of("", "podcast", null, null, null, null,
                null)).field());
        assertEquals("status", assertThrows(HubProblem.class, () -> SearchQuery.of("", null, null, null, "gone", null,
                null)).field());
        assertEquals("size", assertThrows(HubProblem.class, () -> SearchQuery.of("", null, null, null, null, 1, 101))
                .field());
        assertEquals("page", assertThrows(HubProblem.class, () -> SearchQuery.of("", null, null, null, null, 0, 10))
                .field());
        assertEquals("page", assertThrows(HubProblem.class, () -> SearchQuery.of("", null, null, null, null, 1002, 10))
                .field());
        SearchQuery q = SearchQuery.of("  fire  ", "Toolkit", "RX1", "ELR", "in-review", null, null);
        assertEquals("fire", q.q());
        assertEquals(ResourceStatus.IN_REVIEW, q.status());
        assertEquals(20, q.size());
        assertEquals(ResourceStatus.PUBLISHED, q.published().status());
    }

    @Test
    void h2WordsAreBoundLiterallyAndCapped() {
        CatalogueSearch.SqlParts parts = H2Search.of(SearchQuery.of("100% fire_safety a b c d e f g h i", null, null,
                null, null, null, null));
        assertEquals("%100\\%%", parts.params().get(0));
        assertEquals("%fire\\_safety%", parts.params().get(3));
        assertEquals(H2Search.MAX_WORDS * 3, parts.params().size());
        assertTrue(parts.rank().contains("then 3"));
    }
}
