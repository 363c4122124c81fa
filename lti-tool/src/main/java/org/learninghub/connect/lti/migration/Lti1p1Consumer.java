package org.learninghub.connect.lti.migration;

/** The LTI 1.1 consumer key and shared secret a platform registration used before LTI 1.3 (secret opened). */
public record Lti1p1Consumer(long registrationId, String consumerKey, String secret) {

    @Override
    public String toString() {
        return "Lti1p1Consumer[registrationId=" + registrationId + ", consumerKey=" + consumerKey + ", secret=…]";
    }
}
