/** Makes the platform service clients (tokens, AGS, NRPS) injectable in the server, configured from MicroProfile Config. */
package org.learninghub.connect.lti.services;
