/** Runtime wiring of the Hub: JAX-RS application, datasource, schema migration, health. */
package org.learninghub.connect.hub.runtime;
