/** Checks shared by every xAPI object's validation: JSON shape rules and IRI syntax. */
package org.learninghub.connect.xapi.validation;
