package org.learninghub.connect.hub.reporting;

/** One column of a report: its name (the JSON property and the CSV header) and whether it is text. */
record Column(String name, boolean text) {

    static Column number(String name) {
        return new Column(name, false);
    }

    static Column text(String name) {
        return new Column(name, true);
    }
}
