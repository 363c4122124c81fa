/**
 * Reports for administrators (src/docs/reporting.md): roll-up tables maintained in the transaction of the
 * statements they count ({@link org.learninghub.connect.hub.reporting.RollupListener}), and the admin API that reads
 * them as JSON or streamed CSV ({@link org.learninghub.connect.hub.reporting.ReportResource}).
 */
package org.learninghub.connect.hub.reporting;
