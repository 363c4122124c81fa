/** Admin API over the LTI tool's own signing keys: list them and start a rotation. */
package org.learninghub.connect.hub.keys;
