package org.learninghub.connect.hub.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Writes access log lines to the logger {@value #LOGGER} at INFO, so operators route them apart from the server
 * log. Shared by the filter (requests that reach the application) and the authentication mechanism (requests it
 * refuses before any filter runs); a request attribute makes sure each request is written once.
 */
public final class AccessLog {

    public static final String LOGGER = "org.learninghub.connect.access";
    /** Setting: {@code on} (the default) or {@code off}. */
    public static final String SETTING = "hub.access-log";
    /** The response header carrying the request id, so a caller can quote it. */
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    static final String STARTED = AccessLog.class.getName() + ".started";
    static final String ID = AccessLog.class.getName() + ".id";
    static final String WRITTEN = AccessLog.class.getName() + ".written";
    static final String IN_FILTER = AccessLog.class.getName() + ".filtered";
    static final String PATH = AccessLog.class.getName() + ".path";
    static final String QUERY = AccessLog.class.getName() + ".query";

    private static final Logger LOG = Logger.getLogger(LOGGER);
    /** Pure ASCII out: no line or paragraph separator of any script can split a line in a log viewer. */
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_INCOMING_ID = 64;

    private static volatile Boolean enabled;

    private AccessLog() {
    }

    /** Whether lines are written ({@code hub.access-log}); an unknown value is refused at the first request. */
    public static boolean enabled() {
        Boolean on = enabled;
        if (on == null) {
            on = parse(ConfigProvider.getConfig().getOptionalValue(SETTING, String.class).orElse("on"));
            enabled = on;
        }
        return on;
    }

    static boolean parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "on", "true" -> true;
            case "off", "false" -> false;
            default -> throw new IllegalStateException(SETTING + " must be on or off, not " + value);
        };
    }

    /**
     * Marks the request's start and id, once (the mechanism may see a request before the filter does); the id is
     * the caller's {@value #REQUEST_ID_HEADER} when it is short and plain, else a new random one.
     */
    public static String begin(HttpServletRequest request) {
        if (request.getAttribute(ID) instanceof String id) {
            return id;
        }
        request.setAttribute(STARTED, System.nanoTime());
        request.setAttribute(STARTED + ".at", Instant.now());
        // Kept now: in the container's error dispatch that may follow, the request names the error page instead.
        boolean error = request.getDispatcherType() == DispatcherType.ERROR;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        request.setAttribute(PATH, Redaction.path(error && uri instanceof String u ? u : request.getRequestURI()));
        request.setAttribute(QUERY, error ? null : Redaction.query(request.getQueryString()));
        String id = incomingId(request.getHeader(REQUEST_ID_HEADER));
        request.setAttribute(ID, id);
        return id;
    }

    static String incomingId(String header) {
        if (header != null && !header.isEmpty() && header.length() <= MAX_INCOMING_ID
                && header.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_'))) {
            return header;
        }
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Writes the request's line unless one was written; {@code bytes} null when unknown. */
    public static void write(HttpServletRequest request, int status, Long bytes) {
        if (request.getAttribute(WRITTEN) != null || !enabled()) {
            return;
        }
        request.setAttribute(WRITTEN, Boolean.TRUE);
        begin(request);
        long started = (Long) request.getAttribute(STARTED);
        Instant at = (Instant) request.getAttribute(STARTED + ".at");
        String caller = request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName();
        AccessEntry entry = new AccessEntry(at, (String) request.getAttribute(ID), request.getMethod(),
                (String) request.getAttribute(PATH), (String) request.getAttribute(QUERY), status,
                Duration.ofNanos(System.nanoTime() - started).toMillis(), bytes, request.getRemoteAddr(), caller);
        LOG.info(line(entry));
    }

    /**
     * The line of a request the authentication mechanism refused (no filter runs for it); its body length is the
     * {@code Content-Length} the refusal set.
     */
    public static void refused(HttpServletRequest request, HttpServletResponse response) {
        String length = response.getHeader("Content-Length");
        Long bytes = null;
        if (length != null && !length.isEmpty() && length.length() < 19 && length.chars().allMatch(Character::isDigit)) {
            bytes = Long.parseLong(length);
        }
        write(request, response.getStatus(), bytes);
    }

    static String line(AccessEntry entry) {
        try {
            return JSON.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            LOG.log(Level.FINE, "access log: a line could not be written", e);
            return "{\"error\":\"access log line not written\"}";
        }
    }
}
