package org.learninghub.connect.lti.ags;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.learninghub.connect.lti.launch.LaunchContext;
import org.learninghub.connect.lti.platformcall.LinkHeader;
import org.learninghub.connect.lti.platformcall.ServiceNotGrantedException;

/**
 * What a launch's AGS endpoint claim (AGS 2.0 §3.1) grants: the scopes, the context's line item container
 * and, for a launch from a graded link, its line item. Every operation checks here first, before anything
 * is sent.
 */
public record AgsEndpoint(Set<String> scopes, Optional<URI> lineItems, Optional<URI> lineItem) {

    public AgsEndpoint {
        scopes = Set.copyOf(scopes);
        lineItems = Objects.requireNonNullElse(lineItems, Optional.empty());
        lineItem = Objects.requireNonNullElse(lineItem, Optional.empty());
    }

    /** The claim of a validated launch; an unusable URL in it counts as absent. */
    public static AgsEndpoint of(LaunchContext.AgsEndpoint claim) {
        return new AgsEndpoint(Set.copyOf(Objects.requireNonNullElse(claim.scope(), List.<String>of())),
                url(claim.lineitems()), url(claim.lineitem()));
    }

    /** The claim's scopes this client knows, the ones its token asks for. */
    Set<String> tokenScopes() {
        return scopes.stream().filter(AgsScopes.ALL::contains).collect(Collectors.toUnmodifiableSet());
    }

    void require(String operation, Collection<String> anyOf) {
        if (anyOf.stream().noneMatch(scopes::contains)) {
            throw new ServiceNotGrantedException("the launch's AGS claim does not grant " + operation
                    + " (needs one of " + anyOf + ")");
        }
    }

    URI requireLineItems(String operation) {
        return lineItems.orElseThrow(() -> new ServiceNotGrantedException(
                "the launch's AGS claim has no lineitems URL, needed to " + operation));
    }

    /**
     * A line item URL the token may be sent to: the claim's own, or one on the origin of the claim's
     * container (a line item the platform listed or created there).
     */
    URI requireLineItem(URI url) {
        boolean ours = lineItem.map(url::equals).orElse(false)
                || lineItems.map(c -> LinkHeader.sameOrigin(c, url)).orElse(false)
                || lineItem.map(l -> LinkHeader.sameOrigin(l, url)).orElse(false);
        if (!ours) {
            throw new ServiceNotGrantedException("the line item URL is not on the platform of the launch's AGS claim");
        }
        return url;
    }

    private static Optional<URI> url(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            URI url = new URI(value);
            return url.isAbsolute() && url.getHost() != null ? Optional.of(url) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
