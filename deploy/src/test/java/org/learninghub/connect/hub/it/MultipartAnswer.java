package org.learninghub.connect.hub.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.fileupload2.core.MultipartInput;

/**
 * A multipart/mixed statement answer (xAPI 1.0.3 Communication §2.1.3), read as it streams in: the
 * statements JSON first, then each attachment part hashed on the fly, so a test can check hundreds of
 * megabytes without holding them. Reading fails unless the body is well-formed up to its close delimiter.
 */
record MultipartAnswer(JsonNode json, List<Attachment> attachments) {

    /** One attachment part: its headers (names lower-cased), length, and the digests of its bytes. */
    record Attachment(Map<String, String> headers, long length, String sha256, String declaredAlgorithmHash) {

        String hashHeader() {
            return headers.get("x-experience-api-hash");
        }
    }

    static MultipartAnswer read(HttpResponse<InputStream> response) {
        String type = response.headers().firstValue("Content-Type").orElseThrow();
        if (!type.toLowerCase(Locale.ROOT).startsWith("multipart/mixed")) {
            throw new AssertionError("not multipart/mixed: " + type);
        }
        String boundary = type.substring(type.indexOf("boundary=") + "boundary=".length()).split(";")[0].replace("\"", "");
        try (InputStream body = response.body()) {
            MultipartInput in = MultipartInput.builder().setInputStream(body)
                    .setBoundary(boundary.getBytes(StandardCharsets.US_ASCII)).get();
            in.setHeaderCharset(StandardCharsets.UTF_8);
            if (!in.skipPreamble()) {
                throw new AssertionError("the answer has no part");
            }
            Map<String, String> firstHeaders = headers(in.readHeaders());
            if (!firstHeaders.getOrDefault("content-type", "").startsWith("application/json")) {
                throw new AssertionError("the first part is not JSON: " + firstHeaders);
            }
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            in.readBodyData(json);
            List<Attachment> attachments = new ArrayList<>();
            while (in.readBoundary()) {
                Map<String, String> headers = headers(in.readHeaders());
                String hash = headers.getOrDefault("x-experience-api-hash", "");
                MessageDigest sha256 = digest("SHA-256");
                MessageDigest declared = digest(switch (hash.length()) {
                    case 96 -> "SHA-384";
                    case 128 -> "SHA-512";
                    default -> "SHA-256";
                });
                long length;
                try (InputStream part = new DigestInputStream(new DigestInputStream(in.newInputStream(), sha256), declared)) {
                    length = part.transferTo(java.io.OutputStream.nullOutputStream());
                }
                attachments.add(new Attachment(headers, length, HexFormat.of().formatHex(sha256.digest()),
                        HexFormat.of().formatHex(declared.digest())));
            }
            // Read to the end like any client that reuses its connection: over HTTP/2 a stream closed early
            // is reset, and Payara then drops the whole connection under the next request.
            body.transferTo(java.io.OutputStream.nullOutputStream());
            return new MultipartAnswer(Statements.JSON.readTree(json.toByteArray()), attachments);
        } catch (IOException e) {
            throw new UncheckedIOException("the answer is not well-formed multipart/mixed", e);
        }
    }

    private static Map<String, String> headers(String block) {
        Map<String, String> headers = new TreeMap<>();
        for (String line : block.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
        }
        return headers;
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
