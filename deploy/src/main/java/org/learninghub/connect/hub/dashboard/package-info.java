/**
 * The administrators' dashboard: a static single page ({@code /admin/}) with its scripts and styles, and the
 * charting library it uses, served with a strict Content-Security-Policy. The page holds no data: everything it
 * shows comes from the admin API, which checks the caller on every request as it does for any client.
 */
package org.learninghub.connect.hub.dashboard;
