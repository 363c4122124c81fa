/**
 * Learner data rights per trust (issue 18): export everything the Hub holds about one platform learner, and erase
 * it (with a dry run and an audit row). See {@code src/docs/federation.md}, "Learner data rights".
 */
package org.learninghub.connect.hub.bridge.rights;
