package org.learninghub.connect.hub.catalogue;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import java.util.UUID;
import org.learninghub.connect.hub.api.HubProblem;
import org.learninghub.connect.hub.catalogue.search.CatalogueSearch;
import org.learninghub.connect.hub.catalogue.search.ResourcePage;
import org.learninghub.connect.hub.catalogue.search.SearchQuery;
import org.learninghub.connect.hub.security.HubRoles;

/**
 * Admin API of catalogue resources: create, read, replace, retire, search, and the review of contributions
 * (submit, publish, return). Hub administrators only, except reading (search and one resource), which trust
 * administrators may do too. Should trust administrators contribute resources later, the one place to check
 * whose contribution a resource is remains {@link Catalogue}.
 */
@Path("admin/api/resources")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(HubRoles.HUB_ADMIN)
public class ResourceApi {

    @Inject
    Catalogue catalogue;

    @Inject
    CatalogueSearch search;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(ResourceInput input, @Context UriInfo uri) {
        Resource created = catalogue.create(required(input));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @RolesAllowed({HubRoles.HUB_ADMIN, HubRoles.TRUST_ADMIN})
    public ResourcePage list(@QueryParam("q") String q, @QueryParam("type") String type,
                             @QueryParam("owner") String owner, @QueryParam("source") String source,
                             @QueryParam("status") String status, @QueryParam("page") Integer page,
                             @QueryParam("size") Integer size) {
        return search.search(SearchQuery.of(q, type, owner, source, status, page, size));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({HubRoles.HUB_ADMIN, HubRoles.TRUST_ADMIN})
    public Resource get(@PathParam("id") String id) {
        return catalogue.require(id(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Resource replace(@PathParam("id") String id, ResourceInput input) {
        return catalogue.update(id(id), required(input));
    }

    /** Retires the resource: it leaves search and the picker; links to it get a clear "retired" page. */
    @DELETE
    @Path("{id}")
    public Response retire(@PathParam("id") String id) {
        catalogue.move(id(id), Set.of(ResourceStatus.DRAFT, ResourceStatus.IN_REVIEW, ResourceStatus.PUBLISHED),
                ResourceStatus.RETIRED, null);
        return Response.noContent().build();
    }

    /** A contributor sends a draft (new, or fixed after a return) for review. */
    @POST
    @Path("{id}/submit")
    public Resource submit(@PathParam("id") String id) {
        return catalogue.move(id(id), Set.of(ResourceStatus.DRAFT), ResourceStatus.IN_REVIEW, null);
    }

    @POST
    @Path("{id}/publish")
    public Resource publish(@PathParam("id") String id) {
        return catalogue.move(id(id), Set.of(ResourceStatus.IN_REVIEW),
                ResourceStatus.PUBLISHED, null);
    }

    @POST
    @Path("{id}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    public Resource giveBack(@PathParam("id") String id, ReturnRequest request) {
        if (request == null) {
            throw HubProblem.badRequest("comments", "a JSON body {\"comments\": …} is required");
        }
        return catalogue.move(id(id), Set.of(ResourceStatus.IN_REVIEW), ResourceStatus.DRAFT, request.comments());
    }

    private static ResourceInput required(ResourceInput input) {
        if (input == null) {
            throw HubProblem.badRequest(null, "a JSON body {\"title\":…, \"launchUrl\":…} is required");
        }
        return input;
    }

    static UUID id(String id) {
        if (id == null || id.length() != 36) {
            throw HubProblem.notFound("resource " + (id == null ? "" : id.length() > 40 ? id.substring(0, 40) : id));
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw HubProblem.notFound("resource " + id);
        }
    }
}
