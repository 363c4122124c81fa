package org.learninghub.connect.hub.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryInvalidationTest {

    @Test
    void everyWriterLocksTheRowsItInvalidatesInOneOrder() {
        LocalDate tuesday = LocalDate.of(2026, 11, 17);
        LocalDate monday = LocalDate.of(2026, 11, 16);
        LocalDate nextMonday = LocalDate.of(2026, 11, 23);
        List<SummaryInvalidation.Row> rows = SummaryInvalidation.rows(7, List.of(nextMonday, tuesday, monday));
        assertEquals(List.of(
                new SummaryInvalidation.Row(0, Period.DAY, monday),
                new SummaryInvalidation.Row(0, Period.DAY, tuesday),
                new SummaryInvalidation.Row(0, Period.DAY, nextMonday),
                new SummaryInvalidation.Row(0, Period.WEEK, monday),
                new SummaryInvalidation.Row(0, Period.WEEK, nextMonday),
                new SummaryInvalidation.Row(7, Period.DAY, monday),
                new SummaryInvalidation.Row(7, Period.DAY, tuesday),
                new SummaryInvalidation.Row(7, Period.DAY, nextMonday),
                new SummaryInvalidation.Row(7, Period.WEEK, monday),
                new SummaryInvalidation.Row(7, Period.WEEK, nextMonday)), rows,
                "all trusts' rows first, then the trust's; days before weeks; each by date; each row once");
        assertEquals(rows, SummaryInvalidation.rows(7, List.of(tuesday, nextMonday, monday)),
                "the order does not depend on the order the days came in");
    }
}
