package org.learninghub.connect.hub.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class AdminRoleGuardTest {

    static class Unmarked {
        public void any() {
        }
    }

    @Path("admin/api/unmarked")
    static class UnmarkedAdminApi {
        public void any() {
        }
    }

    @Path("/admin/api")
    static class AdminApiRoot {
        public void any() {
        }
    }

    @Path("admin/api-docs")
    static class LooksLikeTheAdminApi {
        public void any() {
        }
    }

    @RolesAllowed({HubRoles.HUB_ADMIN, HubRoles.TRUST_ADMIN})
    static class Both {
        public void read() {
        }

        @RolesAllowed(HubRoles.HUB_ADMIN)
        public void publish() {
        }
    }

    private static final Predicate<String> HUB = Set.of(HubRoles.HUB_ADMIN)::contains;
    private static final Predicate<String> TRUST = Set.of(HubRoles.TRUST_ADMIN)::contains;
    private static final Predicate<String> ANONYMOUS = Set.<String>of()::contains;

    @Test
    void aResourceNamingNoRoleIsClosedToTrustAdminsOnly() throws Exception {
        Method any = Unmarked.class.getMethod("any");
        assertFalse(AdminRoleGuard.allows(any, Unmarked.class, TRUST));
        assertTrue(AdminRoleGuard.allows(any, Unmarked.class, HUB));
        // Open resources (xAPI About, LTI pages) stay open: the container decides who is authenticated there.
        assertTrue(AdminRoleGuard.allows(any, Unmarked.class, ANONYMOUS));
    }

    @Test
    void anAdminApiResourceNamingNoRoleNeedsAHubAdminSignedIn() throws Exception {
        for (Class<?> resource : new Class<?>[] {UnmarkedAdminApi.class, AdminApiRoot.class}) {
            Method any = resource.getMethod("any");
            assertTrue(AdminRoleGuard.allows(any, resource, HUB), resource.getSimpleName());
            assertFalse(AdminRoleGuard.allows(any, resource, TRUST), resource.getSimpleName());
            assertFalse(AdminRoleGuard.allows(any, resource, ANONYMOUS), resource.getSimpleName());
        }
        Method other = LooksLikeTheAdminApi.class.getMethod("any");
        assertTrue(AdminRoleGuard.allows(other, LooksLikeTheAdminApi.class, ANONYMOUS));
    }

    @Test
    void theMethodsRolesWinOverTheClasss() throws Exception {
        assertTrue(AdminRoleGuard.allows(Both.class.getMethod("read"), Both.class, TRUST));
        assertTrue(AdminRoleGuard.allows(Both.class.getMethod("read"), Both.class, HUB));
        assertFalse(AdminRoleGuard.allows(Both.class.getMethod("read"), Both.class, ANONYMOUS));
        assertFalse(AdminRoleGuard.allows(Both.class.getMethod("publish"), Both.class, TRUST));
        assertTrue(AdminRoleGuard.allows(Both.class.getMethod("publish"), Both.class, HUB));
    }
}
