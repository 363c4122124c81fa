/** Statement storage: canonical JSON plus indexed link rows, written in one batch transaction per request. */
package org.learninghub.connect.xapi.statement.store;
