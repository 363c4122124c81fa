/** LMS platform registrations of a trust: the admin API and the LTI tool's RegistrationStore. */
package org.learninghub.connect.hub.platform;
