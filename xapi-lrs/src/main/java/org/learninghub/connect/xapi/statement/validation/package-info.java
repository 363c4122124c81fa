/** Validation of statements against the xAPI Data rules (1.0.3 Part Two, 2.0.0 §4.2), one class per object. */
package org.learninghub.connect.xapi.statement.validation;
