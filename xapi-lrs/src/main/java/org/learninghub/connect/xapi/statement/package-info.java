/** The Statement resource (1.0.3 Communication §2.1, 2.0.0 §4.1.6.1): store, void and retrieve statements. */
package org.learninghub.connect.xapi.statement;
