/** The launch (Security Framework §5.1.2–5.1.3, LTI Core §5): id_token validation into a typed LaunchContext. */
package org.learninghub.connect.lti.launch;
