/**
 * The Document resources (xAPI 1.0.3 Communication §2.2, §2.3, §2.6, §2.7, §3.1): State, Activity Profile and
 * Agent Profile documents in one tenant-confined store, with JSON merge and ETag concurrency control.
 */
package org.learninghub.connect.xapi.document;
