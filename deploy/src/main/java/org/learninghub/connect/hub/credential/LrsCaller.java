package org.learninghub.connect.hub.credential;

import jakarta.security.enterprise.CallerPrincipal;
import org.learninghub.connect.xapi.auth.LrsPrincipal;

/** The container's caller for an LRS credential, carrying what the LRS needs to know of it. */
public final class LrsCaller extends CallerPrincipal {

    private final transient LrsPrincipal lrs;

    LrsCaller(LrsPrincipal lrs) {
        super(lrs.key());
        this.lrs = lrs;
    }

    public LrsPrincipal lrs() {
        return lrs;
    }
}
