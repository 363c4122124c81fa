/**
 * xAPI Learning Record Store (xAPI 1.0.3 and 2.0.0 / IEEE 9274.1.1). Knows nothing of LTI; the tenant
 * of a credential is an opaque id supplied by the deploying application.
 */
package org.learninghub.connect.xapi;
