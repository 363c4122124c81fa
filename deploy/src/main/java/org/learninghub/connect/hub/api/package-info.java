/** What every Hub API resource shares: JSON binding and the one error shape. */
package org.learninghub.connect.hub.api;
