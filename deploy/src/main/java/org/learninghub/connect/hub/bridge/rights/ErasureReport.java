package org.learninghub.connect.hub.bridge.rights;

import java.util.LinkedHashMap;
import java.util.Map;

/** What an erasure removes (dry run) or removed, row counts by kind. */
record ErasureReport(boolean dryRun, long statements, long attachments, long documents, long launchSessions,
                     long credentials, long scoreJobs, long rejections, long mappings) {

    Map<String, Object> view() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("dryRun", dryRun);
        v.put("statements", statements);
        v.put("attachments", attachments);
        v.put("documents", documents);
        v.put("launchSessions", launchSessions);
        v.put("credentials", credentials);
        v.put("scoreJobs", scoreJobs);
        v.put("rejections", rejections);
        v.put("mappings", mappings);
        return v;
    }
}
