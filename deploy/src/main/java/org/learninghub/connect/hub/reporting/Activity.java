package org.learninghub.connect.hub.reporting;

import java.time.LocalDate;
import java.util.UUID;

/** A learner was active (sent any statement) on a resource on a day. */
record Activity(UUID resource, LocalDate day, String learner) implements Comparable<Activity> {

    @Override
    public int compareTo(Activity o) {
        int r = resource.compareTo(o.resource);
        if (r != 0) {
            return r;
        }
        int d = day.compareTo(o.day);
        return d != 0 ? d : learner.compareTo(o.learner);
    }
}
