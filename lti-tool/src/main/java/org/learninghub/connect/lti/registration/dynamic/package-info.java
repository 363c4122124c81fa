/**
 * LTI Dynamic Registration 1.0: a platform's administrator opens the tool's registration URL from the LMS,
 * the tool reads the platform's OpenID configuration, registers itself at the platform's registration
 * endpoint and keeps the client_id and deployment the platform answers with. Which trust the new
 * registration belongs to is decided by the one-time link the Hub's administrator issued
 * ({@link org.learninghub.connect.lti.registration.dynamic.DynamicRegistrationStore}).
 */
package org.learninghub.connect.lti.registration.dynamic;
