/**
 * Rosters from the LMS (NRPS 2.0): a launch that carries the Names and Role Provisioning claim records its course
 * (context), a background worker reads the course's membership and enrols its active learners in the compliance
 * roll-up of every catalogue resource launched from that course. See {@code src/docs/reporting.md}, "Rosters".
 */
package org.learninghub.connect.hub.reporting.roster;
