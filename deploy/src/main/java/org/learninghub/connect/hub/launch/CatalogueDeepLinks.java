package org.learninghub.connect.hub.launch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.learninghub.connect.hub.catalogue.Catalogue;
import org.learninghub.connect.hub.catalogue.Resource;
import org.learninghub.connect.hub.catalogue.search.CatalogueSearch;
import org.learninghub.connect.hub.catalogue.search.SearchQuery;
import org.learninghub.connect.lti.deeplink.CatalogItem;
import org.learninghub.connect.lti.deeplink.DeepLinkCatalog;

/**
 * What teachers may pick in Deep Linking: the published national catalogue, searched as the admin API searches
 * it. Every trust sees the same published resources (sharing them is the Hub's purpose).
 */
@ApplicationScoped
public class CatalogueDeepLinks implements DeepLinkCatalog {

    /**
     * The {@code tag} of every line item the Hub asks for (AGS 2.0 §3.2.9), so the score passback can tell the
     * Hub's gradebook columns from others in a context.
     */
    static final String LINE_ITEM_TAG = "hub-catalogue";
    /** The link's text: the description's opening, enough for the LMS's activity list. */
    static final int TEXT = 300;

    @Inject
    CatalogueSearch search;

    @Inject
    Catalogue catalogue;

    @Override
    public List<CatalogItem> search(long tenantId, String query, int limit) {
        int size = Math.max(1, Math.min(limit, SearchQuery.MAX_SIZE));
        return search.search(new SearchQuery(query, null, null, null, null, 1, size).published()).items().stream()
                .map(CatalogueDeepLinks::item).toList();
    }

    @Override
    public Optional<CatalogItem> find(long tenantId, String resourceId) {
        return ResourceIds.parse(resourceId).flatMap(catalogue::find).filter(Resource::isPublished)
                .map(CatalogueDeepLinks::item);
    }

    static CatalogItem item(Resource r) {
        String text = r.description() == null ? "" : r.description().length() > TEXT
                ? r.description().substring(0, TEXT) + "…" : r.description();
        return new CatalogItem(r.id().toString(), r.title(), text,
                r.gradable() ? Optional.ofNullable(r.scoreMaximum()) : Optional.empty(), LINE_ITEM_TAG);
    }

    /** Resource ids as they travel in forms and custom claims. */
    static final class ResourceIds {
        private ResourceIds() {
        }

        static Optional<UUID> parse(String id) {
            if (id == null || id.length() != 36) {
                return Optional.empty();
            }
            try {
                return Optional.of(UUID.fromString(id));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }
}
