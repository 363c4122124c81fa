/** Migration of whole platforms: CSV or JSON imports with a data-quality report, strict or lenient, idempotent. */
package org.learninghub.connect.hub.catalogue.importing;
