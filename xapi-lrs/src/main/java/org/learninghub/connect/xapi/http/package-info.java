/** What every xAPI resource shares over HTTP: version header, CORS, JSON parsing and the error shape. */
package org.learninghub.connect.xapi.http;
