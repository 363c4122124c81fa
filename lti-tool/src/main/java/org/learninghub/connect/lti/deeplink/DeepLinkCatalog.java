package org.learninghub.connect.lti.deeplink;

import java.util.List;
import java.util.Optional;

/**
 * The resources a trust's teachers may link from their LMS. The deploying application implements it
 * (one CDI bean); the tool shows what a search finds and links only items {@link #find} confirms.
 */
public interface DeepLinkCatalog {

    /** Longest search text the picker passes on. */
    int MAX_QUERY = 200;

    /**
     * Items offered to launches of this tenant that match the teacher's words (empty: the newest ones), best
     * first, at most {@code limit}.
     */
    List<CatalogItem> search(long tenantId, String query, int limit);

    /** The item with this id if the tenant may link it now. */
    Optional<CatalogItem> find(long tenantId, String resourceId);
}
