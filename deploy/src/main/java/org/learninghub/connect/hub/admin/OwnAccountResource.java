package org.learninghub.connect.hub.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.learninghub.connect.hub.api.HubProblem;
import org.learninghub.connect.hub.security.HubRoles;

/** {@code /admin/api/account}: the signed-in administrator's own account, whatever its role. */
@Path("admin/api/account")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({HubRoles.HUB_ADMIN, HubRoles.TRUST_ADMIN})
public class OwnAccountResource {

    @Inject
    AdminUsers accounts;

    @Inject
    AdminIdentityStore store;

    @GET
    public AccountView get(@Context SecurityContext caller) {
        return AccountView.of(accounts.require(caller.getUserPrincipal().getName()));
    }

    /** Needs the current password as well as the signed-in session: a borrowed browser cannot take the account. */
    @PUT
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountView changePassword(PasswordChange request, @Context SecurityContext caller) {
        if (request == null) {
            throw HubProblem.badRequest(null, "a JSON body {\"current\":…, \"password\":…} is required");
        }
        String username = caller.getUserPrincipal().getName();
        if (request.current() == null || request.current().isEmpty()) {
            throw HubProblem.badRequest("current", "is required: your current password");
        }
        if (!store.isCurrentPassword(username, request.current())) {
            throw HubProblem.badRequest("current", "is not your current password");
        }
        if (request.current().equals(request.password())) {
            throw HubProblem.badRequest("password", "must differ from the current password");
        }
        AccountView view = AccountView.of(accounts.setPassword(username, request.password()));
        store.forget(username);
        return view;
    }
}
