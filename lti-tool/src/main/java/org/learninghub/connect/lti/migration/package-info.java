/**
 * LTI 1.1 to 1.3 migration (1EdTech "LTI 1.1 Migration" guide): a registration may keep the LTI 1.1
 * consumer key and secret the platform used before; a 1.3 launch carrying the
 * {@code https://purl.imsglobal.org/spec/lti/claim/lti1p1} claim whose {@code oauth_consumer_key_sign}
 * verifies under that secret links the learner's 1.1 user_id to their 1.3 sub.
 */
package org.learninghub.connect.lti.migration;
