/** Authentication of LRS clients: credentials, scopes, and the tenant every request is confined to. */
package org.learninghub.connect.xapi.auth;
