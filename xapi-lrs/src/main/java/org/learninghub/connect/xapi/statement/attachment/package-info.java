/** Statement attachments (1.0.3 Data §2.4.11, Communication §2.1.2): multipart/mixed bodies, SHA-2 checks, signatures. */
package org.learninghub.connect.xapi.statement.attachment;
