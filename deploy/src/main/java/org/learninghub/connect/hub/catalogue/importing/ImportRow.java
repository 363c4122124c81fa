package org.learninghub.connect.hub.catalogue.importing;

import java.util.List;
import org.learninghub.connect.hub.catalogue.ResourceInput;
import org.learninghub.connect.hub.catalogue.quality.Problem;

/**
 * One data row of an import (1-based, the header not counted), its metadata, and any problem found while reading
 * its cells (a gradable flag that is not a boolean, a score that is not a number).
 */
public record ImportRow(int row, String sourceId, ResourceInput input, List<Problem> readProblems) {

    public ImportRow {
        readProblems = List.copyOf(readProblems);
    }
}
