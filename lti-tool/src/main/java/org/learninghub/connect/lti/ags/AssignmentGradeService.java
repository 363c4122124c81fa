package org.learninghub.connect.lti.ags;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.learninghub.connect.lti.platformcall.BearerToken;
import org.learninghub.connect.lti.platformcall.Paging;
import org.learninghub.connect.lti.platformcall.PlatformAnswerInvalidException;
import org.learninghub.connect.lti.platformcall.PlatformHttp;
import org.learninghub.connect.lti.platformcall.PlatformJson;
import org.learninghub.connect.lti.platformcall.PlatformRequest;
import org.learninghub.connect.lti.platformcall.PlatformResponse;
import org.learninghub.connect.lti.platformcall.ServiceNotGrantedException;
import org.learninghub.connect.lti.platformcall.ServiceUrls;
import org.learninghub.connect.lti.registration.PlatformRegistration;
import org.learninghub.connect.lti.token.PlatformTokens;

/**
 * The AGS 2.0 operations a tool calls on a platform, each checked against the launch's endpoint claim
 * before anything is sent ({@link org.learninghub.connect.lti.platformcall.ServiceNotGrantedException}),
 * each answer validated into records ({@link PlatformAnswerInvalidException} otherwise). The access token
 * asks for every AGS scope the claim grants, so one token serves all operations of a context.
 * Injectable in the server; plain Java otherwise.
 */
public final class AssignmentGradeService {

    private static final List<String> READ_LINE_ITEMS = List.of(AgsScopes.LINE_ITEM, AgsScopes.LINE_ITEM_READ_ONLY);
    private static final List<String> WRITE_LINE_ITEMS = List.of(AgsScopes.LINE_ITEM);

    private final PlatformHttp http;
    private final PlatformTokens tokens;

    public AssignmentGradeService(PlatformHttp http, PlatformTokens tokens) {
        this.http = Objects.requireNonNull(http);
        this.tokens = Objects.requireNonNull(tokens);
    }

    /** §3.2.4: the context's line items, every page, filtered as asked. */
    public List<LineItem> lineItems(PlatformRegistration registration, AgsEndpoint endpoint, LineItemQuery query) {
        endpoint.require("reading line items", READ_LINE_ITEMS);
        URI first = ServiceUrls.withQuery(endpoint.requireLineItems("list line items"), query.parameters());
        Optional<BearerToken> bearer = bearer(registration, endpoint);
        return Paging.all(first, http.settings().maxPages(),
                url -> http.send(PlatformRequest.get(url, AgsScopes.LINE_ITEM_CONTAINER_TYPE), bearer),
                response -> PlatformJson.readList(response.body(), LineItem.class, "line item container").stream()
                        .map(AssignmentGradeService::identified).toList(),
                (url, response) -> { });
    }

    /** §3.2.6: one line item. */
    public LineItem lineItem(PlatformRegistration registration, AgsEndpoint endpoint, URI lineItem) {
        endpoint.require("reading line items", READ_LINE_ITEMS);
        PlatformResponse response = http.send(PlatformRequest.get(endpoint.requireLineItem(lineItem),
                AgsScopes.LINE_ITEM_TYPE), bearer(registration, endpoint));
        return identified(PlatformJson.read(response.body(), LineItem.class, "line item"));
    }

    /** §3.2.5: a new line item in the context's container; the platform's answer, with its id. */
    public LineItem createLineItem(PlatformRegistration registration, AgsEndpoint endpoint, LineItem item) {
        endpoint.require("creating line items", WRITE_LINE_ITEMS);
        URI container = endpoint.requireLineItems("create a line item");
        // A creation repeated after a 500 could make two columns: retried only on 429/503.
        PlatformResponse response = http.send(PlatformRequest.send("POST", container, AgsScopes.LINE_ITEM_TYPE,
                PlatformJson.write(item.withId(null)), Optional.of(AgsScopes.LINE_ITEM_TYPE), false),
                bearer(registration, endpoint));
        return identified(PlatformJson.read(response.body(), LineItem.class, "created line item"));
    }

    /** §3.2.6: replaces the line item named by {@code item.id()}; the platform's answer. */
    public LineItem updateLineItem(PlatformRegistration registration, AgsEndpoint endpoint, LineItem item) {
        endpoint.require("changing line items", WRITE_LINE_ITEMS);
        URI url = endpoint.requireLineItem(URI.create(Objects.requireNonNull(item.id(), "the line item needs its id")));
        PlatformResponse response = http.send(PlatformRequest.send("PUT", url, AgsScopes.LINE_ITEM_TYPE,
                PlatformJson.write(item), Optional.of(AgsScopes.LINE_ITEM_TYPE), true), bearer(registration, endpoint));
        return identified(PlatformJson.read(response.body(), LineItem.class, "updated line item"));
    }

    /** §3.2.6: removes a line item and its results. */
    public void deleteLineItem(PlatformRegistration registration, AgsEndpoint endpoint, URI lineItem) {
        endpoint.require("deleting line items", WRITE_LINE_ITEMS);
        http.send(PlatformRequest.delete(endpoint.requireLineItem(lineItem)), bearer(registration, endpoint));
    }

    /** §3.4: posts a score to the launch's own line item. */
    public void postScore(PlatformRegistration registration, AgsEndpoint endpoint, Score score) {
        URI lineItem = endpoint.lineItem().orElseThrow(() -> new ServiceNotGrantedException("the launch's AGS claim has no lineitem to post a score to"));
        postScore(registration, endpoint, lineItem, score);
    }

    /** §3.4: posts a score to {@code lineItem}'s scores endpoint. */
    public void postScore(PlatformRegistration registration, AgsEndpoint endpoint, URI lineItem, Score score) {
        endpoint.require("posting scores", List.of(AgsScopes.SCORE));
        URI scores = ServiceUrls.withPathSegment(endpoint.requireLineItem(lineItem), "scores");
        // The timestamp makes a repeat harmless: a platform keeps the latest score (§3.4.2).
        http.send(PlatformRequest.send("POST", scores, AgsScopes.SCORE_TYPE, PlatformJson.write(score.toJson()),
                Optional.empty(), true), bearer(registration, endpoint));
    }

    /** §3.5: the line item's results, every page; one learner's with {@code userId}. */
    public List<Result> results(PlatformRegistration registration, AgsEndpoint endpoint, URI lineItem,
                                Optional<String> userId, OptionalInt limit) {
        endpoint.require("reading results", List.of(AgsScopes.RESULT_READ_ONLY));
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("user_id", userId.orElse(null));
        parameters.put("limit", limit.isPresent() ? Integer.toString(limit.getAsInt()) : null);
        URI first = ServiceUrls.withQuery(ServiceUrls.withPathSegment(endpoint.requireLineItem(lineItem), "results"),
                parameters);
        Optional<BearerToken> bearer = bearer(registration, endpoint);
        return Paging.all(first, http.settings().maxPages(),
                url -> http.send(PlatformRequest.get(url, AgsScopes.RESULT_CONTAINER_TYPE), bearer),
                response -> PlatformJson.readList(response.body(), Result.class, "result container"),
                (url, response) -> { });
    }

    private Optional<BearerToken> bearer(PlatformRegistration registration, AgsEndpoint endpoint) {
        return Optional.of(tokens.bearer(registration, endpoint.tokenScopes()));
    }

    /** A line item from the platform must carry its id (§3.2.7): the tool addresses it by that URL. */
    private static LineItem identified(LineItem item) {
        if (item == null || item.id() == null) {
            throw new PlatformAnswerInvalidException("the platform sent a line item without an id");
        }
        return item;
    }
}
