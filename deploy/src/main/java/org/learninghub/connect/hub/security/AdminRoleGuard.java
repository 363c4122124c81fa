package org.learninghub.connect.hub.security;

import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Path;
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
import java.util.function.Predicate;
import org.learninghub.connect.hub.api.HubProblem;

/**
 * Enforces {@code @RolesAllowed} on the resource method the router matched (the method's, else its class's),
 * and closes everything else to trust-admins: web.xml lets both administrator roles into {@code /admin/*}, so
 * a resource that names no role stays a hub-admin resource instead of opening to every trust's administrator
 * by omission. Refusals are {@code 403} in the Hub's JSON error shape. (Payara's Jersey also honours
 * {@code @RolesAllowed} itself; the rule for resources that name no role is this class's alone.)
 */
@Provider
// Before the runtime's own @RolesAllowed filter (same role rule, bare "403 Forbidden"), so the refusal says why.
@Priority(Priorities.AUTHORIZATION - 100)
public class AdminRoleGuard implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        SecurityContext caller = request.getSecurityContext();
        if (!allows(method, resource.getResourceClass(), caller::isUserInRole)) {
            throw forbidden();
        }
    }

    /**
     * The rule: the roles the method (else its class) names. With none named: on the admin API (the resource
     * the router matched is declared under {@code admin/api}) a hub-admin only, so that an unannotated admin
     * resource refuses a caller who is not signed in even if a URL spelling ever slipped past web.xml's
     * constraint; elsewhere (open pages such as xAPI About and the LTI endpoints) anyone but a trust-admin alone.
     */
    static boolean allows(Method method, Class<?> resourceClass, Predicate<String> callerIsInRole) {
        RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            allowed = resourceClass.getAnnotation(RolesAllowed.class);
        }
        if (allowed != null) {
            return Arrays.stream(allowed.value()).anyMatch(callerIsInRole);
        }
        if (adminApi(resourceClass)) {
            return callerIsInRole.test(HubRoles.HUB_ADMIN);
        }
        return !callerIsInRole.test(HubRoles.TRUST_ADMIN) || callerIsInRole.test(HubRoles.HUB_ADMIN);
    }

    /** Declared under admin/api: read from the matched class's own {@code @Path}, never from the request's URL. */
    private static boolean adminApi(Class<?> resourceClass) {
        Path path = resourceClass.getAnnotation(Path.class);
        if (path == null) {
            return false;
        }
        String declared = path.value().startsWith("/") ? path.value().substring(1) : path.value();
        return declared.equals("admin/api") || declared.startsWith("admin/api/");
    }

    private static HubProblem forbidden() {
        return new HubProblem(Response.Status.FORBIDDEN, null, "this operation needs a Hub administrator (hub-admin)");
    }
}
