package org.learninghub.connect.hub.credential;

import java.util.Optional;
import java.util.UUID;
import org.learninghub.connect.xapi.auth.Restriction;

/**
 * What confines a launch credential: the actor, registration and activity of its launch session. Implemented
 * where launch sessions live (the launch bridge); empty when the session is gone, and the credential then fails.
 */
public interface LaunchRestrictions {

    Optional<Restriction> of(long tenant, UUID registration);
}
