package org.learninghub.connect.hub.security;

/** The container roles the Hub's security constraints name (web.xml). */
public final class HubRoles {

    /** A Hub administrator: the whole admin API, every trust. */
    public static final String HUB_ADMIN = "hub-admin";

    /**
     * A trust's administrator: the trust-scoped admin API of exactly one trust (see {@link CallerTrusts}), and
     * only the operations whose {@code @RolesAllowed} names this role ({@link AdminRoleGuard}).
     */
    public static final String TRUST_ADMIN = "trust-admin";

    /** An LRS credential of a trust: the xAPI resources, within its scopes. */
    public static final String LRS = "lrs";

    private HubRoles() {
    }
}
