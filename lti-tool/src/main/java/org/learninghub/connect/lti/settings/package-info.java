/** The LTI tool's settings, read through MicroProfile Config, each default a named constant. */
package org.learninghub.connect.lti.settings;
