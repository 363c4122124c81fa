package org.learninghub.connect.hub.catalogue.quality;

import java.util.List;
import java.util.Optional;

/**
 * What the rules made of one resource: every problem found and, when nothing was rejected, the clean metadata
 * with its quality score (100 less 10 per open warning, never below 0).
 */
public record QualityCheck(List<Problem> problems, Optional<CleanResource> clean) {

    public QualityCheck {
        problems = List.copyOf(problems);
    }

    public boolean rejected() {
        return problems.stream().anyMatch(Problem::isRejected);
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.isRejected()).toList();
    }

    public int score() {
        return score(warnings().size());
    }

    public static int score(int warnings) {
        return Math.max(0, 100 - 10 * warnings);
    }

    /** The same check with more problems (duplicates found against other rows or the catalogue). */
    public QualityCheck with(List<Problem> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Problem> all = new java.util.ArrayList<>(problems);
        all.addAll(more);
        boolean nowRejected = more.stream().anyMatch(Problem::isRejected);
        return new QualityCheck(all, nowRejected ? Optional.empty() : clean);
    }
}
