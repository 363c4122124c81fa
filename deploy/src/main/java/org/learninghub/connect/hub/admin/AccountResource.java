package org.learninghub.connect.hub.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.learninghub.connect.hub.api.HubProblem;
import org.learninghub.connect.hub.security.HubRoles;

/**
 * {@code /admin/api/accounts}: administrator accounts, managed by hub-admins only. A disabled account and a
 * reset password take effect at the next request on every node (the identity store reads the row each time).
 */
@Path("admin/api/accounts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(HubRoles.HUB_ADMIN)
public class AccountResource {

    @Inject
    AdminUsers accounts;

    @Inject
    AdminIdentityStore store;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewAccount request, @Context UriInfo uri) {
        if (request == null) {
            throw HubProblem.badRequest(null,
                    "a JSON body {\"username\":…, \"password\":…, \"role\":…, \"trust\":…} is required");
        }
        AdminUser account = accounts.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(account.username()).build())
                .entity(AccountView.of(account)).build();
    }

    @GET
    public List<AccountView> list() {
        return accounts.all().stream().map(AccountView::of).toList();
    }

    @GET
    @Path("{username}")
    public AccountView get(@PathParam("username") String username) {
        return AccountView.of(accounts.require(username));
    }

    /** Refuses every request of the account from now on, on every node; its data and history stay. */
    @POST
    @Path("{username}/disable")
    public AccountView disable(@PathParam("username") String username, @Context SecurityContext caller) {
        if (username.equals(caller.getUserPrincipal().getName())) {
            throw HubProblem.conflict("username", "an administrator cannot disable their own account");
        }
        AccountView view = AccountView.of(accounts.setDisabled(username, true));
        store.forget(username);
        return view;
    }

    @POST
    @Path("{username}/enable")
    public AccountView enable(@PathParam("username") String username) {
        return AccountView.of(accounts.setDisabled(username, false));
    }

    /** Sets a new password (the holder forgot theirs, or it may be known to someone else): the old one stops at once. */
    @POST
    @Path("{username}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountView resetPassword(@PathParam("username") String username, PasswordReset request) {
        if (request == null) {
            throw HubProblem.badRequest("password", "a JSON body {\"password\":…} is required");
        }
        AccountView view = AccountView.of(accounts.setPassword(username, request.password()));
        store.forget(username);
        return view;
    }

    /**
     * Maps the account to its holder's subject at the identity provider ({@code hub.oidc.claim=sub}), or with
     * {@code "subject": null} unmaps it. Hub-admins only, as every account change.
     */
    @PUT
    @Path("{username}/oidc-subject")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountView mapSubject(@PathParam("username") String username, SubjectMapping request) {
        if (request == null) {
            throw HubProblem.badRequest("subject", "a JSON body {\"subject\":…} is required (null to unmap)");
        }
        String subject = request.subject();
        if (subject != null && (subject.isBlank() || subject.length() > SubjectMapping.MAX_LENGTH)) {
            throw HubProblem.badRequest("subject", "must be 1 to " + SubjectMapping.MAX_LENGTH + " characters, or null");
        }
        return AccountView.of(accounts.setOidcSubject(username, subject));
    }
}
