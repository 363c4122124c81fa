package org.learninghub.connect.lti.launch;

import jakarta.ws.rs.core.Response;

/**
 * What answers a validated LtiDeepLinkingRequest (the tool's own picker in {@code lti.deeplink}). An
 * interface here so that the launch does not depend on the deep linking package, which depends on it.
 */
public interface DeepLinkingRequestHandler {

    Response show(LaunchContext launch);
}
