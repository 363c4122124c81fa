/** Trusts' LRS credentials: issued, listed and revoked by administrators, checked on every xAPI request. */
package org.learninghub.connect.hub.credential;
