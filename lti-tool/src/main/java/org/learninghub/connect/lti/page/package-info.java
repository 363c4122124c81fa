/** The HTML the tool answers browsers with: plain pages, auto-submitted forms, and its one error page. */
package org.learninghub.connect.lti.page;
