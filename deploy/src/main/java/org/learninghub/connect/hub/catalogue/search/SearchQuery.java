package org.learninghub.connect.hub.catalogue.search;

import java.util.Optional;
import org.learninghub.connect.hub.api.HubProblem;
import org.learninghub.connect.hub.catalogue.ResourceStatus;
import org.learninghub.connect.hub.catalogue.ResourceType;

/**
 * One catalogue search: words to find (empty: everything, newest first), filters, a page. Every bound is checked
 * here with a 400 naming the parameter, before any SQL.
 *
 * @param owner a trust code, {@code national} for resources without an owner trust, or null for all
 */
public record SearchQuery(String q, ResourceType type, String owner, String source, ResourceStatus status, int page,
                          int size) {

    public static final int MAX_Q = 200;
    public static final int MAX_SIZE = 100;
    /** Deeper than this, refine the search: offsets beyond it cost the database more than they help anyone. */
    public static final int MAX_OFFSET = 10_000;
    public static final String NATIONAL = "national";

    public SearchQuery {
        q = q == null ? "" : q.strip();
        if (q.length() > MAX_Q) {
            throw HubProblem.badRequest("q", "must be at most " + MAX_Q + " characters");
        }
        if (owner != null && owner.length() > 12) {
            throw HubProblem.badRequest("owner", "must be a trust code or " + NATIONAL);
        }
        if (source != null && source.length() > 40) {
            throw HubProblem.badRequest("source", "must be at most 40 characters");
        }
        if (page < 1) {
            throw HubProblem.badRequest("page", "must be 1 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw HubProblem.badRequest("size", "must be 1 to " + MAX_SIZE);
        }
        if ((long) (page - 1) * size > MAX_OFFSET) {
            throw HubProblem.badRequest("page", "pages beyond " + MAX_OFFSET + " results are not served; refine the search");
        }
    }

    /** From query parameters as strings, each named in the 400 if it is not understood. */
    public static SearchQuery of(String q, String type, String owner, String source, String status, Integer page,
                                 Integer size) {
        ResourceType t = null;
        if (type != null && !type.isBlank()) {
            t = ResourceType.parse(type).orElseThrow(() -> HubProblem.badRequest("type", "is not a resource type"));
        }
        ResourceStatus s = null;
        if (status != null && !status.isBlank()) {
            s = ResourceStatus.parse(status).orElseThrow(() -> HubProblem.badRequest("status", "is not a status"));
        }
        return new SearchQuery(q, t, blankToNull(owner), blankToNull(source), s, page == null ? 1 : page,
                size == null ? 20 : size);
    }

    public SearchQuery published() {
        return new SearchQuery(q, type, owner, source, ResourceStatus.PUBLISHED, page, size);
    }

    int offset() {
        return (page - 1) * size;
    }

    Optional<ResourceType> typeFilter() {
        return Optional.ofNullable(type);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
