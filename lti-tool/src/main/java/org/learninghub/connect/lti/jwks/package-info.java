/** The tool's public JSON Web Key Set endpoint. */
package org.learninghub.connect.lti.jwks;
