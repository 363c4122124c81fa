/** Agents and their Inverse Functional Identifiers, normalised for matching. */
package org.learninghub.connect.xapi.agent;
