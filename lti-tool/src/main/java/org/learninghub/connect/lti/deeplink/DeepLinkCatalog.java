package org.learninghub.connect.lti.deeplink;

import java.util.List;

/**
 * The resources a trust's teachers may link from their LMS. The deploying application implements it
 * (one CDI bean); the tool shows the items and links only items it lists.
 */
public interface DeepLinkCatalog {

    /** The items offered to launches of this tenant, in display order. */
    List<CatalogItem> items(long tenantId);
}
