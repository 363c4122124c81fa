/** Deep Linking 2.0: the picker of catalogue items and the signed LtiDeepLinkingResponse. */
package org.learninghub.connect.lti.deeplink;
