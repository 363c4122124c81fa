package org.learninghub.connect.lti.ags;

/** AGS 2.0 §3.4.7: where grading is; only FullyGraded makes a platform show the score as final. */
public enum GradingProgress {
    FullyGraded, Pending, PendingManual, Failed, NotReady
}
