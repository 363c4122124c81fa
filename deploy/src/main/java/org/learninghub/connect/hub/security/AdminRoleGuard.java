package org.learninghub.connect.hub.security;

import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.learninghub.connect.hub.api.HubProblem;

/**
 * Enforces {@code @RolesAllowed} on the resource method the router matched (the method's, else its class's),
 * and closes everything else to trust-admins: web.xml lets both administrator roles into {@code /admin/*}, so
 * a resource that names no role stays a hub-admin resource instead of opening to every trust's administrator
 * by omission. Refusals are {@code 403} in the Hub's JSON error shape.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class AdminRoleGuard implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        SecurityContext caller = request.getSecurityContext();
        if (allowed != null) {
            if (Arrays.stream(allowed.value()).noneMatch(caller::isUserInRole)) {
                throw forbidden();
            }
        } else if (caller.isUserInRole(HubRoles.TRUST_ADMIN) && !caller.isUserInRole(HubRoles.HUB_ADMIN)) {
            throw forbidden();
        }
    }

    private static HubProblem forbidden() {
        return new HubProblem(Response.Status.FORBIDDEN, null, "this operation needs a Hub administrator (hub-admin)");
    }
}
