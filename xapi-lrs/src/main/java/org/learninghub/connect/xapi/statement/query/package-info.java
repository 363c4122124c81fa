/** Statement queries (1.0.3 Communication §2.1.3): filter parameters, paging with "more", response formats. */
package org.learninghub.connect.xapi.statement.query;
