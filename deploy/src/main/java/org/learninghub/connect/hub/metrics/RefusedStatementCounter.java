package org.learninghub.connect.hub.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.learninghub.connect.xapi.auth.LrsPrincipal;
import org.learninghub.connect.xapi.http.Refusal;
import org.learninghub.connect.xapi.http.RefusalListener;

/** Counts refused statement writes per credential; refusals of reads and documents are not statements refused. */
@ApplicationScoped
public class RefusedStatementCounter implements RefusalListener {

    @Inject
    HubMetrics metrics;

    @Override
    public void refused(LrsPrincipal principal, Refusal refusal) {
        if (StatementWrites.isWrite(refusal.method(), refusal.target())) {
            metrics.statementRefused(principal);
        }
    }
}
