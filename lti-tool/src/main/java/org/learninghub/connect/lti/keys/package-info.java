/** The tool's RSA key pairs: storage, protection at rest, rotation and the signing key. */
package org.learninghub.connect.lti.keys;
