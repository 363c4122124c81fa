package org.learninghub.connect.hub.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class AdminRoleGuardTest {

    static class Unmarked {
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
    void theMethodsRolesWinOverTheClasss() throws Exception {
        assertTrue(AdminRoleGuard.allows(Both.class.getMethod("read"), Both.class, TRUST));
        assertTrue(AdminRoleGuard.allows(Both.class.getMethod("read"), Both.class, HUB));
        assertFalse(AdminRoleGuard.allows(Both.class.getMethod("read"), Both.class, ANONYMOUS));
        assertFalse(AdminRoleGuard.allows(Both.class.getMethod("publish"), Both.class, TRUST));
        assertTrue(AdminRoleGuard.allows(Both.class.getMethod("publish"), Both.class, HUB));
    }
}
