/**
 * The per-credential rejection log of launch credentials: every 4xx the LRS answers to content of a launch, kept
 * (bounded) for administrators, so a course that "does not record" can be diagnosed from the Hub.
 */
package org.learninghub.connect.hub.bridge.rejection;
