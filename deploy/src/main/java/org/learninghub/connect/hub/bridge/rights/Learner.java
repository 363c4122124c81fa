package org.learninghub.connect.hub.bridge.rights;

/** One platform learner of one trust, as the launch bridge mapped them: their xAPI actor's IFI key. */
record Learner(long tenant, String issuer, String subject, String actorIfi) {
}
