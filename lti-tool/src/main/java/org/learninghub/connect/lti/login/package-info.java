/** OIDC third-party initiated login (Security Framework §5.1.1): state, nonce and the redirect to the platform. */
package org.learninghub.connect.lti.login;
