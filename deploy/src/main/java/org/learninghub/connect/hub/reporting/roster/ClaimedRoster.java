package org.learninghub.connect.hub.reporting.roster;

import java.util.UUID;

/** A course taken for one fetch: what the fetch needs, and the claim its result must still carry to be written. */
record ClaimedRoster(long id, UUID claim, long tenant, long platform, String issuer, String membershipsUrl,
                     int attempts) {
}
