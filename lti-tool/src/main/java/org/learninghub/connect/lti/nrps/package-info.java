/**
 * Names and Role Provisioning Services 2.0 client (<a href="https://www.imsglobal.org/spec/lti-nrps/v2p0/">NRPS 2.0</a>):
 * a context's memberships (§2.2), filtered by role (§2.4.2), paged (§2.4.1), their differences since a
 * previous read (§2.4.3) and the members of one resource link (§3.6.2.1).
 */
package org.learninghub.connect.lti.nrps;
