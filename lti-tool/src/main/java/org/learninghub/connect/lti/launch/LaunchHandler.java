package org.learninghub.connect.lti.launch;

import jakarta.ws.rs.core.Response;

/**
 * What happens after a validated resource link launch. The deploying application implements it (one CDI
 * bean) and answers the browser: a page, or a redirect to the content.
 */
public interface LaunchHandler {

    Response handle(LaunchContext launch);
}
