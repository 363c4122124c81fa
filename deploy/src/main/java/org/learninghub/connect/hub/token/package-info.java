/**
 * Personal API tokens of administrator accounts (src/docs/administrators.md): issued to the signed-in account and
 * shown once, kept as SHA-256 hashes, revocable, accepted as {@code Authorization: Bearer} on the admin API only.
 */
package org.learninghub.connect.hub.token;
