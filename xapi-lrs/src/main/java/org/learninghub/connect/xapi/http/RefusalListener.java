package org.learninghub.connect.xapi.http;

import org.learninghub.connect.xapi.auth.LrsPrincipal;

/**
 * Told about each 4xx the LRS answers to an authenticated caller, after the request's transaction has ended (so
 * nothing it writes is rolled back with the refused request). The deploying application implements it (any
 * number of CDI beans); an exception it throws is logged and never changes the answer.
 */
public interface RefusalListener {

    void refused(LrsPrincipal principal, Refusal refusal);
}
