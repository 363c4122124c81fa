/** Hub administrators: first-start bootstrap, password hashing and the admin API's authentication. */
package org.learninghub.connect.hub.admin;
