/** The launch bridge: an LTI launch of a catalogue resource becomes an xAPI attempt with a confined LRS credential, and its outcome a score for the LMS. */
package org.learninghub.connect.hub.bridge;
