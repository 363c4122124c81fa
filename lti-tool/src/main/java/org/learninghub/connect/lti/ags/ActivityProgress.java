package org.learninghub.connect.lti.ags;

/** AGS 2.0 §3.4.6: where the learner is with the activity. */
public enum ActivityProgress {
    Initialized, Started, InProgress, Submitted, Completed
}
