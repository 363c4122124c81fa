package org.learninghub.connect.lti.platformcall;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Follows {@code Link: rel="next"} (AGS 2.0 §3.2.5, NRPS 2.0 §2.4.1) from a first page, at most
 * {@link PlatformCallSettings#maxPages()} pages and never the same URL twice, so a platform that links a
 * page to itself or pages for ever cannot keep the tool busy.
 */
public final class Paging {

    private Paging() {
    }

    /**
     * Every page from {@code first}: each answer is handed to {@code onPage} with the URL it came from;
     * returns the pages' parsed items in order.
     */
    public static <T> List<T> all(URI first, int maxPages, Function<URI, PlatformResponse> get,
                                  Function<PlatformResponse, List<T>> parse,
                                  BiConsumer<URI, PlatformResponse> onPage) {
        List<T> items = new ArrayList<>();
        Set<URI> seen = new HashSet<>();
        Optional<URI> next = Optional.of(first);
        while (next.isPresent()) {
            URI url = next.get();
            if (!seen.add(url)) {
                throw new PlatformAnswerInvalidException("the platform's next page links back to " + Excerpt.of(url.toString()));
            }
            if (seen.size() > maxPages) {
                throw new PlatformAnswerInvalidException("the platform's listing has more than " + maxPages + " pages");
            }
            PlatformResponse response = get.apply(url);
            items.addAll(parse.apply(response));
            onPage.accept(url, response);
            next = LinkHeader.link(response.headers(), url, "next");
        }
        return items;
    }
}
