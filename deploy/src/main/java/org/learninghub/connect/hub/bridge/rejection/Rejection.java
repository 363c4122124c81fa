package org.learninghub.connect.hub.bridge.rejection;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One refusal of a launch credential's request, as administrators see it. */
public record Rejection(long id, String credential, Instant at, int status, String rule, String path, String method,
                        String target, String excerpt) {

    Map<String, Object> view() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", id);
        v.put("credential", credential);
        v.put("at", at.toString());
        v.put("status", status);
        v.put("rule", rule);
        v.put("path", path);
        v.put("method", method);
        v.put("target", target);
        v.put("excerpt", excerpt);
        return v;
    }
}
