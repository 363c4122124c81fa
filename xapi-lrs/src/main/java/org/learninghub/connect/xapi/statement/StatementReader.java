package org.learninghub.connect.xapi.statement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.learninghub.connect.xapi.auth.LrsPrincipal;
import org.learninghub.connect.xapi.auth.Scope;
import org.learninghub.connect.xapi.http.XapiException;
import org.learninghub.connect.xapi.http.XapiJson;
import org.learninghub.connect.xapi.statement.query.Format;
import org.learninghub.connect.xapi.statement.query.MoreToken;
import org.learninghub.connect.xapi.statement.query.StatementFormatter;
import org.learninghub.connect.xapi.statement.query.StatementQuery;
import org.learninghub.connect.xapi.statement.store.StatementFinder;
import org.learninghub.connect.xapi.statement.store.StoredStatement;
import org.learninghub.connect.xapi.statement.validation.Values;

/**
 * GET /xapi/statements (1.0.3 Communication §2.1.3): one statement by {@code statementId} or
 * {@code voidedStatementId}, or a StatementResult page of a query with its {@code more} link.
 */
@ApplicationScoped
public class StatementReader {

    static final String CONSISTENT_THROUGH = "X-Experience-API-Consistent-Through";
    private static final Set<String> SINGLE = Set.of("statementId", "voidedStatementId", "format", "attachments");
    private static final Set<String> QUERY = Set.of("agent", "verb", "activity", "registration", "related_activities",
            "related_agents", "since", "until", "limit", "format", "attachments", "ascending");

    @Inject
    StatementFinder finder;

    @Inject
    StatementResponses responses;

    public Response get(LrsPrincipal principal, UriInfo uri, HttpHeaders headers) {
        // Taken before reading: every statement stored up to this instant is visible to this read.
        String consistentThrough = ConsistentThroughFilter.now();
        MultivaluedMap<String, String> params = uri.getQueryParameters();
        boolean single = params.containsKey("statementId") || params.containsKey("voidedStatementId");
        if (params.containsKey("more")) {
            StatementsResource.onlyParameters(params, Set.of("more"));
        } else {
            StatementsResource.onlyParameters(params, single ? SINGLE : QUERY);
        }
        Optional<String> mine = principal.allows(Scope.STATEMENTS_READ, true)
                ? Optional.empty() : Optional.of(principal.authority().ifi().key());
        Response.ResponseBuilder response = single
                ? single(principal, params, headers, mine)
                : query(principal, params, uri, headers, mine);
        return response.header(CONSISTENT_THROUGH, consistentThrough).build();
    }

    private Response.ResponseBuilder single(LrsPrincipal principal, MultivaluedMap<String, String> params,
            HttpHeaders headers, Optional<String> mine) {
        if (params.containsKey("statementId") && params.containsKey("voidedStatementId")) {
            throw XapiException.invalid("voidedStatementId", "cannot be used with statementId");
        }
        boolean voided = params.containsKey("voidedStatementId");
        String name = voided ? "voidedStatementId" : "statementId";
        String id = params.getFirst(name);
        if (!Values.isUuid(id)) {
            throw XapiException.invalid(name, "must be a UUID");
        }
        Format format = format(params.getFirst("format"));
        boolean attachments = bool(params.getFirst("attachments"), "attachments");
        StoredStatement found = finder.find(principal.tenantId(), UUID.fromString(id))
                .filter(s -> s.voided() == voided)
                .filter(s -> mine.isEmpty() || read(s.json()).path("authority").toString()
                        .equals(principal.authority().toJson().toString()))
                .orElseThrow(() -> XapiException.notFound((voided ? "voided statement " : "statement ") + id));
        ObjectNode statement = StatementFormatter.format(read(found.json()), format, languages(headers));
        return responses.single(principal.tenantId(), statement, attachments)
                .lastModified(java.util.Date.from(found.stored().toInstant()));
    }

    private Response.ResponseBuilder query(LrsPrincipal principal, MultivaluedMap<String, String> params, UriInfo uri,
            HttpHeaders headers, Optional<String> mine) {
        Map<String, String> parameters = new LinkedHashMap<>();
        Optional<Long> after = Optional.empty();
        if (params.containsKey("more")) {
            MoreToken token = MoreToken.decode(params.getFirst("more"));
            parameters.putAll(token.parameters());
            after = Optional.of(token.after());
        } else {
            params.forEach((k, v) -> parameters.put(k, v.get(0)));
        }
        principal.restriction().ifPresent(r -> r.checkQuery(parameters));
        StatementQuery query = StatementQuery.parse(parameters, after);
        Format format = format(parameters.get("format"));
        boolean attachments = bool(parameters.get("attachments"), "attachments");
        List<Locale.LanguageRange> languages = languages(headers);
        String statements = uri.getBaseUri().getRawPath() + "xapi/statements?more=";
        // The page is read while the answer is written; the more link is made once its last row is known.
        return responses.page(new PageRequest(principal.tenantId(), query, mine, attachments,
                statement -> StatementFormatter.format(statement, format, languages), format == Format.EXACT,
                lastSeq -> statements + new MoreToken(parameters, lastSeq).encode()));
    }

    private static Format format(String value) {
        if (value == null) {
            return Format.EXACT;
        }
        return Format.parse(value).orElseThrow(() -> XapiException.invalid("format", "must be ids, exact or canonical"));
    }

    private static boolean bool(String value, String name) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw XapiException.invalid(name, "must be true or false");
    }

    private static List<Locale.LanguageRange> languages(HttpHeaders headers) {
        String accept = headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE);
        if (accept == null || accept.isBlank()) {
            return List.of();
        }
        try {
            return Locale.LanguageRange.parse(accept);
        } catch (IllegalArgumentException e) {
            throw XapiException.invalid(HttpHeaders.ACCEPT_LANGUAGE, "is not a valid language priority list");
        }
    }

    static ObjectNode read(String json) {
        try {
            JsonNode node = XapiJson.MAPPER.readTree(json);
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored statement is not JSON", e);
        }
    }
}
