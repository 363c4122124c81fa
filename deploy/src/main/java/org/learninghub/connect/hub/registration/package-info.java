/**
 * Self-service registration of an LMS: one-time registration links the Hub's administrator issues per
 * trust, and the store the LTI tool's dynamic registration uses to claim them and keep the registration.
 */
package org.learninghub.connect.hub.registration;
