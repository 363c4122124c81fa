package org.learninghub.connect.hub.it;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A multipart/mixed statement request as an LRS client writes it (xAPI 1.0.3 Communication §2.1.2):
 * the statements first, then one part per attachment with its SHA-2 in {@code X-Experience-API-Hash}.
 * Every delimiter is CRLF + "--" + boundary (RFC 2046 §5.1.1).
 */
final class MultipartRequest {

    private final String boundary;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private MultipartRequest(String boundary) {
        this.boundary = boundary;
    }

    static MultipartRequest withBoundary(String boundary) {
        return new MultipartRequest(boundary);
    }

    String contentType() {
        return "multipart/mixed; boundary=" + boundary;
    }

    MultipartRequest statements(String json) {
        return part("Content-Type: application/json\r\n", json.getBytes(StandardCharsets.UTF_8));
    }

    MultipartRequest attachment(String contentType, String hash, byte[] content) {
        return part("Content-Type: " + contentType + "\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: "
                + hash + "\r\n", content);
    }

    private MultipartRequest part(String headers, byte[] content) {
        out.writeBytes(ascii((out.size() == 0 ? "" : "\r\n") + "--" + boundary + "\r\n" + headers + "\r\n"));
        out.writeBytes(content);
        return this;
    }

    byte[] bytes() {
        ByteArrayOutputStream all = new ByteArrayOutputStream(out.size() + boundary.length() + 8);
        all.writeBytes(out.toByteArray());
        all.writeBytes(ascii("\r\n--" + boundary + "--\r\n"));
        return all.toByteArray();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Hex digest with a JDK algorithm name: SHA-256, SHA-384, SHA-512. */
    static String hex(String algorithm, byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A statement of this actor with one attachment whose metadata names this sha2 and length. */
    static String statementWithAttachment(String mbox, String contentType, long length, String sha2) {
        return Statements.plus(Statements.statement(mbox, "http://adlnet.gov/expapi/verbs/answered",
                "http://example.org/activities/certificate"),
                "\"attachments\":[{\"usageType\":\"http://example.org/usage/file\",\"display\":{\"en\":\"file\"},"
                        + "\"contentType\":\"" + contentType + "\",\"length\":" + length + ",\"sha2\":\"" + sha2 + "\"}]");
    }
}
