/** Catalogue search: PostgreSQL full-text search with ranking, a LIKE-based equivalent on H2; filters, paging. */
package org.learninghub.connect.hub.catalogue.search;
