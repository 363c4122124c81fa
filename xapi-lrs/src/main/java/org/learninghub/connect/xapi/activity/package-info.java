/** The Activities resource (1.0.3 Communication §2.5): the canonical definition the LRS holds for an Activity. */
package org.learninghub.connect.xapi.activity;
