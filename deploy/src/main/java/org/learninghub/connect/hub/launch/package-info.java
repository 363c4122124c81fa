/** The Hub's side of an LTI launch: the launch handler and the deep linking catalogue, placeholders for now. */
package org.learninghub.connect.hub.launch;
