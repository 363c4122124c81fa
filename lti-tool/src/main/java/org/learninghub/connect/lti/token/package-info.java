/**
 * Access tokens for LTI Advantage services (1EdTech Security Framework 1.0 §4.1): the OAuth 2.0
 * client_credentials grant with a {@code private_key_jwt} client assertion (RFC 7523) signed by the tool's key,
 * cached per registration and scope set.
 */
package org.learninghub.connect.lti.token;
