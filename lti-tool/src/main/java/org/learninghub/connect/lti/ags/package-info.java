/**
 * Assignment and Grade Services 2.0 client (<a href="https://www.imsglobal.org/spec/lti-ags/v2p0/">AGS 2.0</a>):
 * line items (§3.2), scores (§3.4) and results (§3.5), within what the launch's endpoint claim (§3.1) grants.
 */
package org.learninghub.connect.lti.ags;
