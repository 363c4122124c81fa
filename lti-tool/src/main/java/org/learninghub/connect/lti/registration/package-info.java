/** Platform registrations as the tool sees them, the store it asks for them, and the URLs it gives platforms. */
package org.learninghub.connect.lti.registration;
