/** The national catalogue: resources, their admin API, contributions and review (src/docs/catalogue.md). */
package org.learninghub.connect.hub.catalogue;
