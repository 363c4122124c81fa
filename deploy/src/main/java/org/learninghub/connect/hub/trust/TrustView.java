package org.learninghub.connect.hub.trust;

import java.time.Instant;

/** A trust as the admin API shows it. */
public record TrustView(String code, String name, String status, String learnerIdentity, Instant created) {

    static TrustView of(Trust t) {
        return new TrustView(t.code(), t.name(), t.status().name(), t.learnerIdentity().token(), t.created());
    }
}
