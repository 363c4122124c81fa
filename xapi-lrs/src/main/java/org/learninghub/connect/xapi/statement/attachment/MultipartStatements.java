package org.learninghub.connect.xapi.statement.attachment;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Response.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.fileupload2.core.AbstractFileUpload;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadByteCountLimitException;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.apache.commons.fileupload2.core.RequestContext;
import org.apache.commons.io.IOUtils;
import org.apache.commons.io.input.BoundedInputStream;
import org.learninghub.connect.xapi.http.XapiException;
import org.learninghub.connect.xapi.http.XapiJson;
import org.learninghub.connect.xapi.statement.store.Attachment;

/**
 * Reads a multipart/mixed statement request (1.0.3 Communication §2.1.2) as it streams in, with Commons
 * FileUpload's streaming parser, which finds each delimiter (CRLF "--" boundary) in one pass over the
 * bytes. The first part is the statements ({@code application/json}); every other part is one
 * attachment's raw bytes with {@code Content-Transfer-Encoding: binary} and its SHA-2 in
 * {@code X-Experience-API-Hash}, which must be the digest of exactly those bytes, whichever SHA-2 it is.
 * Limits hold while reading: FileUpload stops the request's total and each part's bytes, and the part
 * count is checked here before a part's bytes are read.
 */
final class MultipartStatements {

    /** Headers of one part: an xAPI part needs about 400 bytes (a 255-character type, a 128-digit hash). */
    static final int PART_HEADER_BYTES = 2048;
    static final String WHOLE_BODY = "multipart/mixed";

    private MultipartStatements() {
    }

    static StatementBody read(InputStream body, String boundary, long contentLength, AttachmentLimits limits) {
        checkBoundary(boundary);
        List<Attachment> attachments = new ArrayList<>();
        BoundedInputStream counted = counting(body);
        try {
            FileItemInputIterator parts = new Upload(limits)
                    .getItemIterator(new Request(counted, "multipart/mixed; boundary=\"" + boundary + "\"", contentLength));
            if (!parts.hasNext()) {
                throw XapiException.invalid("Content-Type", "the body has no multipart/mixed part with boundary " + boundary);
            }
            JsonNode json = statements(parts.next());
            for (int number = 2; parts.hasNext(); number++) {
                if (number > limits.parts()) {
                    throw new XapiException(Status.REQUEST_ENTITY_TOO_LARGE, WHOLE_BODY, "a statement request may have at most "
                            + limits.parts() + " parts, the statements included (hub.limit.attachment.parts)");
                }
                attachments.add(attachment(parts.next(), number));
            }
            return new StatementBody(json, attachments);
        } catch (IOException | RuntimeException e) {
            StatementBody.discard(attachments);
            XapiException refusal = refusal(e, limits);
            drain(counted, contentLength, limits);
            throw refusal;
        }
    }

    private static BoundedInputStream counting(InputStream body) {
        try {
            return BoundedInputStream.builder().setInputStream(body).get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads and drops what the client is still sending, up to the request limit, before it is refused:
     * an HTTP/1.1 client may read the answer only once it has sent its whole body (Java's does), and
     * would otherwise wait on a server that stopped reading. A body declared over the limit is not read.
     */
    private static void drain(BoundedInputStream counted, long contentLength, AttachmentLimits limits) {
        long left = limits.requestBytes() - counted.getCount();
        if (contentLength > limits.requestBytes() || left <= 0) {
            return;
        }
        try {
            IOUtils.skip(counted, left);
        } catch (IOException gone) {
            // The client stopped sending: nothing more to drop.
        }
    }

    private static JsonNode statements(FileItemInput first) throws IOException {
        String type = first.getContentType() == null ? "" : first.getContentType().strip().toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/json")) {
            throw XapiException.invalid("Content-Type", "the first part of a multipart/mixed body must be application/json");
        }
        try (InputStream in = first.getInputStream()) {
            return XapiJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "statement");
        }
    }

    private static Attachment attachment(FileItemInput part, int number) throws IOException {
        String declared = part.getHeaders().getHeader(StatementBody.HASH_HEADER);
        if (declared == null) {
            throw XapiException.invalid(StatementBody.HASH_HEADER, "part " + number + " needs the header " + StatementBody.HASH_HEADER);
        }
        Sha2 function = Sha2.ofHex(declared).orElseThrow(() -> XapiException.invalid(StatementBody.HASH_HEADER, "part " + number
                + ": must be the hex SHA-2 digest (SHA-224, SHA-256, SHA-384 or SHA-512) of the part's bytes"));
        String encoding = part.getHeaders().getHeader("Content-Transfer-Encoding");
        if (encoding == null || !encoding.strip().equalsIgnoreCase("binary")) {
            throw XapiException.invalid("Content-Transfer-Encoding", "part " + number + " must have Content-Transfer-Encoding: binary");
        }
        String type = contentType(part.getContentType(), number);
        MessageDigest digest = function.newDigest();
        SpooledContent content;
        try (InputStream in = part.getInputStream()) {
            content = SpooledContent.copy(in, digest);
        }
        String actual = Sha2.hex(digest);
        if (!actual.equals(Sha2.normalise(declared))) {
            content.close();
            throw XapiException.invalid(StatementBody.HASH_HEADER, "part " + number + " does not have the " + function
                    + " hash it declares, " + declared);
        }
        return new Attachment(actual, type, content);
    }

    /** The part's media type is stored (255 characters) and written back as a header: printable ASCII only. */
    private static String contentType(String value, int number) {
        if (value == null || value.isBlank()) {
            return "application/octet-stream";
        }
        String type = value.strip();
        if (type.length() > 255 || !type.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw XapiException.invalid("Content-Type", "part " + number
                    + " must have a media type of at most 255 printable ASCII characters");
        }
        return type;
    }

    /** RFC 2046 §5.1.1: 1 to 70 characters from a small set, not ending in a space. */
    private static void checkBoundary(String boundary) {
        boolean valid = boundary.length() >= 1 && boundary.length() <= 70 && !boundary.endsWith(" ")
                && boundary.chars().allMatch(c -> c < 0x80 && (Character.isLetterOrDigit(c) || "'()+_,-./:=? ".indexOf(c) >= 0));
        if (!valid) {
            throw XapiException.invalid("Content-Type", "the multipart boundary must be 1 to 70 characters of RFC 2046 §5.1.1");
        }
    }

    private static XapiException refusal(Exception e, AttachmentLimits limits) {
        if (e instanceof XapiException x) {
            return x;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof XapiException x) {
                return x;
            }
            if (t instanceof FileUploadByteCountLimitException) {
                return new XapiException(Status.REQUEST_ENTITY_TOO_LARGE, WHOLE_BODY, "a part of a statement request may hold at most "
                        + limits.partBytes() + " bytes (hub.limit.attachment.part-bytes)");
            }
            if (t instanceof FileUploadSizeException size && size.getPermitted() == PART_HEADER_BYTES) {
                return XapiException.invalid(WHOLE_BODY, "the headers of a part may hold at most " + PART_HEADER_BYTES + " bytes");
            }
            if (t instanceof FileUploadSizeException) {
                return new XapiException(Status.REQUEST_ENTITY_TOO_LARGE, WHOLE_BODY, "a statement request with attachments may hold at most "
                        + limits.requestBytes() + " bytes (hub.limit.attachments.bytes)");
            }
        }
        if (e instanceof FileUploadException || e instanceof IllegalStateException) {
            return XapiException.invalid(WHOLE_BODY, "the body is not well-formed multipart/mixed: " + e.getMessage());
        }
        if (e instanceof IOException) {
            return XapiException.invalid(WHOLE_BODY, "the body could not be read to its end: " + e.getMessage());
        }
        throw (RuntimeException) e;
    }

    /** FileUpload's streaming iterator over a request that is not a servlet form; nothing is kept by it. */
    private static final class Upload extends AbstractFileUpload<Request, DiskFileItem, DiskFileItemFactory> {

        Upload(AttachmentLimits limits) {
            setMaxSize(limits.requestBytes());
            setMaxFileSize(limits.partBytes());
            setMaxPartHeaderSize(PART_HEADER_BYTES);
            setHeaderCharset(StandardCharsets.UTF_8);
        }

        @Override
        public FileItemInputIterator getItemIterator(Request request) throws IOException {
            return super.getItemIterator((RequestContext) request);
        }

        @Override
        public Map<String, List<DiskFileItem>> parseParameterMap(Request request) {
            throw new UnsupportedOperationException("statement requests are streamed, never parsed into items");
        }

        @Override
        public List<DiskFileItem> parseRequest(Request request) {
            throw new UnsupportedOperationException("statement requests are streamed, never parsed into items");
        }
    }

    /**
     * The request as FileUpload reads it. xAPI parts carry no form-data Content-Disposition, so every part
     * is an item, as FileUpload treats the parts of multipart/related.
     */
    private record Request(InputStream body, String contentType, long length) implements RequestContext {

        @Override
        public String getCharacterEncoding() {
            return StandardCharsets.UTF_8.name();
        }

        @Override
        public long getContentLength() {
            return length;
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public InputStream getInputStream() {
            return body;
        }

        @Override
        public boolean isMultipartRelated() {
            return true;
        }
    }
}
