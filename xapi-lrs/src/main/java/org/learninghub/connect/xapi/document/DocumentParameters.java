package org.learninghub.connect.xapi.document;

import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.learninghub.connect.xapi.http.XapiException;
import org.learninghub.connect.xapi.http.XapiVersion;
import org.learninghub.connect.xapi.validation.Iri;

/**
 * Reads and validates the query parameters of the Document resources (1.0.3 Communication §2.3, §2.6, §2.7
 * parameter tables), in one place: a parameter the table does not list, a repeated one, a missing required
 * one, an agent that is not an Agent (or, in 2.0.0, an Identified Group), an activityId that is not an IRI, a registration that is not a UUID or
 * a {@code since} that is not a timestamp with a time zone is a 400 naming the parameter.
 */
public final class DocumentParameters {

    /** What the request does: the parameter tables differ between reads, writes and deletes. */
    public enum Operation {
        /** GET/HEAD: one document with an id, the list of ids (optionally {@code since}) without. */
        READ,
        /** PUT/POST: the id is required. */
        WRITE,
        /** DELETE: the id is required except for State, where none means "every document of the context". */
        DELETE
    }

    private static final Pattern UUID_FORM = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private DocumentParameters() {
    }

    public static DocumentRequest parse(DocumentKind kind, Operation operation, XapiVersion version,
                                        MultivaluedMap<String, String> query) {
        Set<String> allowed = allowed(kind, operation);
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            if (!allowed.contains(parameter.getKey())) {
                throw XapiException.invalid(parameter.getKey(), "is not a parameter of this resource for this "
                        + "method; allowed: " + String.join(", ", allowed));
            }
            if (parameter.getValue().size() > 1) {
                throw XapiException.invalid(parameter.getKey(), "must be given once");
            }
        }
        String activityIri = "";
        if (kind.hasActivity()) {
            activityIri = required(query, DocumentKind.ACTIVITY_ID);
            if (!Iri.isAbsolute(activityIri)) {
                throw XapiException.invalid(DocumentKind.ACTIVITY_ID, "must be an IRI (absolute, with a scheme)");
            }
        }
        String agentIfi = kind.hasAgent()
                ? DocumentAgent.parse(required(query, DocumentKind.AGENT), version).key()
                : "";
        Optional<String> id = single(query, kind.idParameter());
        if (id.isPresent() && id.get().isEmpty()) {
            throw XapiException.invalid(kind.idParameter(), "must not be empty");
        }
        if (id.isEmpty() && (operation == Operation.WRITE || (operation == Operation.DELETE && !kind.deletesAll()))) {
            throw XapiException.invalid(kind.idParameter(), "is required");
        }
        return new DocumentRequest(new DocumentScope(kind, activityIri, agentIfi),
                single(query, DocumentKind.REGISTRATION).map(DocumentParameters::registration),
                id, single(query, DocumentKind.SINCE).map(DocumentParameters::since));
    }

    private static Set<String> allowed(DocumentKind kind, Operation operation) {
        Set<String> allowed = new LinkedHashSet<>();
        if (kind.hasActivity()) {
            allowed.add(DocumentKind.ACTIVITY_ID);
        }
        if (kind.hasAgent()) {
            allowed.add(DocumentKind.AGENT);
        }
        if (kind.hasRegistration()) {
            allowed.add(DocumentKind.REGISTRATION);
        }
        allowed.add(kind.idParameter());
        if (operation == Operation.READ) {
            allowed.add(DocumentKind.SINCE);
        }
        return allowed;
    }

    private static Optional<String> single(MultivaluedMap<String, String> query, String name) {
        return Optional.ofNullable(query.getFirst(name));
    }

    private static String required(MultivaluedMap<String, String> query, String name) {
        return single(query, name).filter(v -> !v.isEmpty())
                .orElseThrow(() -> XapiException.invalid(name, "is required"));
    }

    static UUID registration(String value) {
        // UUID.fromString accepts short groups ("1-2-3-4-5"); the spec means the canonical 8-4-4-4-12 form.
        if (value.length() != 36 || !UUID_FORM.matcher(value).matches()) {
            throw XapiException.invalid(DocumentKind.REGISTRATION, "must be a UUID");
        }
        return UUID.fromString(value);
    }

    /** A Timestamp (1.0.3 Data §4.5; 2.0.0: with a time zone offset), e.g. 2024-05-01T10:15:30.123Z. */
    static Instant since(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw XapiException.invalid(DocumentKind.SINCE, "must be an ISO 8601 timestamp with a time zone, "
                    + "like 2024-05-01T10:15:30.123Z");
        }
    }
}
