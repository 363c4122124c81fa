/** The Agents resource: the Person object the LRS can tell about an Agent (1.0.3 Communication §2.4). */
package org.learninghub.connect.xapi.agents;
