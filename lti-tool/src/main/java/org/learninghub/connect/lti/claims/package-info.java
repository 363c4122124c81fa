/** The LTI 1.3 vocabulary: claim names, message types and versions, each linked to its spec section. */
package org.learninghub.connect.lti.claims;
