package org.learninghub.connect.hub.launch;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.learninghub.connect.lti.deeplink.CatalogItem;
import org.learninghub.connect.lti.deeplink.DeepLinkCatalog;

/**
 * A fixed, clearly labelled list of demonstration items, the same for every trust, until the national
 * catalogue arrives with the federation issue. Linking one gives a working deep link whose launch reaches
 * the placeholder launch page; no content behind it exists yet.
 */
@ApplicationScoped
public class PlaceholderCatalog implements DeepLinkCatalog {

    static final List<CatalogItem> ITEMS = List.of(
            new CatalogItem("demo-fire-safety", "Fire safety awareness (placeholder)",
                    "Demonstration item until the Hub catalogue exists.", Optional.of(100.0)),
            new CatalogItem("demo-information-governance", "Information governance (placeholder)",
                    "Demonstration item until the Hub catalogue exists.", Optional.of(10.0)),
            new CatalogItem("demo-welcome", "Welcome to the Hub (placeholder)",
                    "Ungraded demonstration item.", Optional.empty()));

    @Override
    public List<CatalogItem> items(long tenantId) {
        return ITEMS;
    }
}
