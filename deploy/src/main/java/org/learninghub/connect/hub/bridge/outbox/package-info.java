/**
 * The score outbox: jobs queued by {@code hub.bridge.OutcomeListener} in the statement's transaction, delivered
 * to the launching platform's AGS line item by a cluster-safe worker, and shown to administrators.
 */
package org.learninghub.connect.hub.bridge.outbox;
