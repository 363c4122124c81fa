package org.learninghub.connect.hub.reporting;

import java.time.LocalDate;
import org.learninghub.connect.hub.api.HubProblem;

/** The step of an activity series: a UTC day, or an ISO week starting on Monday. */
enum Period {
    DAY("on_day", 1, "D"), WEEK("week_start", 7, "W");

    /** The roll-up column a series groups by. */
    final String column;
    final int days;
    /** report_period_summary.period. */
    final String code;

    Period(String column, int days, String code) {
        this.column = column;
        this.days = days;
        this.code = code;
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

    /** The last day of the period starting on {@code start}. */
    LocalDate end(LocalDate start) {
        return start.plusDays(days - 1L);
    }

    String label() {
        return name().toLowerCase();
    }
}
