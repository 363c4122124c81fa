/** Metadata quality rules shared by the admin API and imports: every problem named by field and rule. */
package org.learninghub.connect.hub.catalogue.quality;
