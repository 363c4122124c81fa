package org.learninghub.connect.xapi.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.learninghub.connect.xapi.auth.LrsPrincipal;
import org.learninghub.connect.xapi.document.DocumentParameters.Operation;
import org.learninghub.connect.xapi.http.XapiException;
import org.learninghub.connect.xapi.http.XapiJson;
import org.learninghub.connect.xapi.http.XapiVersionFilter;

/**
 * The HTTP side shared by the three Document resources: check the credential's scope, read the parameters
 * and body, call {@link Documents}, and answer with the headers 1.0.3 Communication §2.2 and §3.1 name
 * ({@code ETag} in quotes, {@code Last-Modified}). HEAD is served by the GET method without a body.
 * Subclasses only say which resource they are, and are application-scoped: nothing of a request is kept in a field,
 * so no instance is created per request.
 */
public abstract class DocumentResource {

    /**
     * Setting: the largest document accepted (413 above). The Hub's request body limit for documents reads the
     * same setting and refuses larger bodies before they are read; this check keeps the resource safe alone.
     */
    public static final String MAX_BYTES_KEY = "hub.limit.documents.bytes";
    /** Suspend data and profiles are small; 16 MiB is plenty. */
    static final String DEFAULT_MAX_BYTES = "16777216";

    @Inject
    Documents documents;

    @Inject
    @ConfigProperty(name = MAX_BYTES_KEY, defaultValue = DEFAULT_MAX_BYTES)
    int maxBytes;

    protected abstract DocumentKind kind();

    @GET
    public Response get(@Context UriInfo uri, @Context SecurityContext security,
                        @Context ContainerRequestContext context) {
        LrsPrincipal principal = principal(security, true);
        DocumentRequest request = parameters(Operation.READ, uri, context);
        if (request.documentId().isPresent()) {
            StoredDocument document = documents.get(principal.tenantId(), request.key())
                    .orElseThrow(() -> XapiException.notFound("document " + request.documentId().get()));
            // The Content-Type exactly as it was stored, not re-serialised from a parsed media type. A document is
            // data, never a page of this origin: a download, not rendered (with HardeningHeaders' nosniff and
            // CSP sandbox), whatever type it claims (text/html, image/svg+xml).
            return Response.ok(document.body().content())
                    .header(HttpHeaders.CONTENT_TYPE, document.body().contentType())
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment")
                    .header(HttpHeaders.ETAG, Etags.header(document.etag()))
                    .lastModified(Date.from(document.updated()))
                    .build();
        }
        return ids(documents.ids(principal.tenantId(), request));
    }

    @PUT
    public Response put(InputStream content, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                        @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                        @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                        @Context UriInfo uri, @Context SecurityContext security,
                        @Context ContainerRequestContext context) {
        LrsPrincipal principal = principal(security, false);
        DocumentRequest request = parameters(Operation.WRITE, uri, context);
        Preconditions preconditions = Preconditions.of(ifMatch, ifNoneMatch);
        String etag = documents.put(principal.tenantId(), request.key(), body(content, contentType), preconditions,
                XapiVersionFilter.versionOf(context));
        return written(etag);
    }

    @POST
    public Response post(InputStream content, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                         @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                         @Context UriInfo uri, @Context SecurityContext security,
                         @Context ContainerRequestContext context) {
        LrsPrincipal principal = principal(security, false);
        DocumentRequest request = parameters(Operation.WRITE, uri, context);
        Preconditions preconditions = Preconditions.of(ifMatch, ifNoneMatch);
        return written(documents.post(principal.tenantId(), request.key(), body(content, contentType), preconditions));
    }

    @DELETE
    public Response delete(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                           @Context UriInfo uri, @Context SecurityContext security,
                           @Context ContainerRequestContext context) {
        LrsPrincipal principal = principal(security, false);
        DocumentRequest request = parameters(Operation.DELETE, uri, context);
        if (request.documentId().isPresent()) {
            documents.delete(principal.tenantId(), request.key(), Preconditions.of(ifMatch, ifNoneMatch));
        } else {
            documents.deleteAll(principal.tenantId(), request);
        }
        return Response.noContent().build();
    }

    private LrsPrincipal principal(SecurityContext security, boolean readOnly) {
        LrsPrincipal principal = LrsPrincipal.of(security);
        principal.require(kind().scope(), readOnly);
        return principal;
    }

    private DocumentRequest parameters(Operation operation, UriInfo uri, ContainerRequestContext context) {
        DocumentRequest request = DocumentParameters.parse(kind(), operation, XapiVersionFilter.versionOf(context),
                uri.getQueryParameters());
        LrsPrincipal.of(context.getSecurityContext()).restriction().ifPresent(r -> r.checkDocument(
                kind() == DocumentKind.STATE, request.scope().activityIri(), request.scope().agentIfi(),
                request.registration()));
        return request;
    }

    private DocumentBody body(InputStream content, String contentType) {
        byte[] bytes;
        try {
            bytes = content == null ? new byte[0] : content.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw XapiException.invalid("content", "could not be read: " + e.getMessage());
        }
        if (bytes.length > maxBytes) {
            throw new XapiException(Response.Status.REQUEST_ENTITY_TOO_LARGE, "content",
                    "a document may hold at most " + maxBytes + " bytes");
        }
        return new DocumentBody(contentType(contentType), bytes);
    }

    /** The Content-Type as sent, checked to be a media type so it can be served back; absent is octet-stream. */
    private static String contentType(String header) {
        if (header == null || header.isBlank()) {
            return DocumentBody.DEFAULT_CONTENT_TYPE;
        }
        try {
            MediaType.valueOf(header);
        } catch (IllegalArgumentException e) {
            throw XapiException.invalid(HttpHeaders.CONTENT_TYPE, "is not a media type");
        }
        if (header.length() > 255) {
            throw XapiException.invalid(HttpHeaders.CONTENT_TYPE, "is longer than 255 characters");
        }
        return header.strip();
    }

    private static Response written(String etag) {
        return Response.noContent().header(HttpHeaders.ETAG, Etags.header(etag)).build();
    }

    /** The multiple-document GET: the ids as a JSON array, Last-Modified of the newest. */
    private static Response ids(List<DocumentId> ids) {
        byte[] json;
        try {
            json = XapiJson.MAPPER.writeValueAsBytes(ids.stream().map(DocumentId::id).toList());
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
        Response.ResponseBuilder response = Response.ok(json, MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.ETAG, Etags.header(Etags.sha1(json)));
        ids.stream().map(DocumentId::updated).max(Comparator.naturalOrder())
                .ifPresent(newest -> response.lastModified(Date.from(newest)));
        return response.build();
    }
}
