/**
 * LTI 1.3 / LTI Advantage tool (1EdTech LTI Core 1.3, Security Framework 1.0). Knows nothing of xAPI;
 * the deploying application implements its extension points.
 */
package org.learninghub.connect.lti;
