/** The front door: what {@code GET /} answers. */
package org.learninghub.connect.hub.home;
