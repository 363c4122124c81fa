/** The About resource. */
package org.learninghub.connect.xapi.about;
