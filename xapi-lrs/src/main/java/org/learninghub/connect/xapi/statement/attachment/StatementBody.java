package org.learninghub.connect.xapi.statement.attachment;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.learninghub.connect.xapi.http.XapiException;
import org.learninghub.connect.xapi.http.XapiJson;
import org.learninghub.connect.xapi.statement.store.Attachment;

/**
 * The body of a PUT or POST of statements: {@code application/json}, or {@code multipart/mixed} whose
 * first part is the statements and whose other parts are attachment contents, each named by its SHA-2
 * in {@code X-Experience-API-Hash} (1.0.3 Communication §2.1.2, Data §2.4.11).
 */
public record StatementBody(JsonNode json, List<Attachment> attachments) {

    public static final String HASH_HEADER = "X-Experience-API-Hash";

    public static StatementBody read(MediaType type, byte[] body) {
        if (type != null && type.isCompatible(new MediaType("multipart", "mixed"))) {
            return multipart(type, body);
        }
        if (type != null && !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            throw XapiException.invalid("Content-Type", "must be application/json or multipart/mixed, not " + type.getType() + "/" + type.getSubtype());
        }
        return new StatementBody(XapiJson.parse(new String(body, StandardCharsets.UTF_8), "statement"), List.of());
    }

    private static StatementBody multipart(MediaType type, byte[] body) {
        String boundary = type.getParameters().get("boundary");
        if (boundary == null || boundary.isEmpty()) {
            throw XapiException.invalid("Content-Type", "multipart/mixed needs a boundary parameter");
        }
        List<Part> parts = MultipartMixed.parse(body, boundary);
        if (parts.isEmpty()) {
            throw XapiException.invalid("Content-Type", "multipart/mixed body has no parts");
        }
        Part first = parts.get(0);
        String firstType = first.header("Content-Type").orElse("").strip().toLowerCase(java.util.Locale.ROOT);
        if (!firstType.startsWith(MediaType.APPLICATION_JSON)) {
            throw XapiException.invalid("Content-Type", "the first part of a multipart/mixed body must be application/json");
        }
        JsonNode json = XapiJson.parse(new String(first.body(), StandardCharsets.UTF_8), "statement");
        List<Attachment> attachments = new ArrayList<>();
        for (int i = 1; i < parts.size(); i++) {
            Part p = parts.get(i);
            String hash = p.header(HASH_HEADER).orElseThrow(() ->
                    XapiException.invalid(HASH_HEADER, "every attachment part needs the header " + HASH_HEADER));
            if (!p.header("Content-Transfer-Encoding").map(e -> e.equalsIgnoreCase("binary")).orElse(false)) {
                throw XapiException.invalid("Content-Transfer-Encoding",
                        "every attachment part must have Content-Transfer-Encoding: binary");
            }
            String actual = sha256(p.body());
            if (hash.length() == 64 && !hash.equalsIgnoreCase(actual)) {
                throw XapiException.invalid(HASH_HEADER, "part " + i + " does not match its hash " + hash);
            }
            attachments.add(new Attachment(hash.toLowerCase(), p.header("Content-Type").orElse("application/octet-stream"),
                    p.body()));
        }
        return new StatementBody(json, attachments);
    }

    /** The attachments by SHA-2, to match statement attachment metadata against. */
    public Map<String, Attachment> bySha2() {
        Map<String, Attachment> map = new HashMap<>();
        attachments.forEach(a -> map.put(a.sha2().toLowerCase(), a));
        return map;
    }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
