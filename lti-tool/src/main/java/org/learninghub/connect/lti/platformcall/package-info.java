/**
 * Calls from the tool to a platform's LTI Advantage services (Security Framework §4.1, AGS 2.0, NRPS 2.0):
 * bounded in time and size, never following redirects, retrying what a platform says is temporary and
 * turning every other outcome into a typed {@link org.learninghub.connect.lti.platformcall.PlatformCallException}.
 */
package org.learninghub.connect.lti.platformcall;
