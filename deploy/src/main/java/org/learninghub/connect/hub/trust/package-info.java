/** Trusts, the Hub's tenants, and their admin API. */
package org.learninghub.connect.hub.trust;
