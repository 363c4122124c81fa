package org.learninghub.connect.hub.reporting;

import java.time.LocalDate;
import org.learninghub.connect.hub.api.HubProblem;

/** The step of an activity series: a UTC day, or an ISO week starting on Monday. */
enum Period {
    DAY("on_day", 1), WEEK("week_start", 7);

    /** The roll-up column a series groups by. */
    final String column;
    final int days;

    Period(String column, int days) {
        this.column = column;
        this.days = days;
    }

    static Period of(String value) {
        if (value == null || value.equals("day")) {
            return DAY;
        }
        if (value.equals("week")) {
            return WEEK;
        }
        throw HubProblem.badRequest("period", "day or week");
    }

    /** The start of the period a day belongs to. */
    LocalDate start(LocalDate day) {
        return this == DAY ? day : Days.weekStart(day);
    }

    String label() {
        return name().toLowerCase();
    }
}
