package org.learninghub.connect.xapi.statement.attachment;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a multipart/mixed answer (RFC 2046 §5.1) part by part while its content is produced, as
 * statement answers with attachments are (1.0.3 Communication §2.1.3): a part's header, then whatever
 * the caller writes to the same stream, until the next part or {@link #finish()}. The boundary is random,
 * so no stored content can be made to contain it.
 */
public final class MultipartWriter {

    private final OutputStream out;
    private final String boundary;
    private boolean first = true;

    public MultipartWriter(OutputStream out, String boundary) {
        this.out = out;
        this.boundary = boundary;
    }

    public static String newBoundary() {
        return "xapi-" + UUID.randomUUID();
    }

    public static String contentType(String boundary) {
        return "multipart/mixed; boundary=" + boundary;
    }

    /** Starts a part with these headers; its content is what is written to the stream next. */
    public void part(Map<String, String> headers) throws IOException {
        StringBuilder head = new StringBuilder(first ? "" : "\r\n").append("--").append(boundary).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        first = false;
    }

    /** Ends the last part with the close delimiter. */
    public void finish() throws IOException {
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
