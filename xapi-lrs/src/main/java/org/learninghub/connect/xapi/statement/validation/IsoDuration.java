package org.learninghub.connect.xapi.statement.validation;

/**
 * ISO 8601 durations as xAPI uses them (1.0.3 Data §4.6, 2.0.0 §4.2.7): {@code PnYnMnDTnHnMnS} with the
 * components in that order, at least one of them, {@code T} only before a time component, or {@code PnW}; any
 * number may carry a decimal fraction. Checked by one left-to-right pass, so the cost is linear in the length
 * whatever the input: a regular expression here once took 38 s on {@code "P" + 100 000 digits + "D"}.
 * ({@link java.time.Duration} and {@link java.time.Period} each parse only part of this grammar.)
 */
public final class IsoDuration {

    private static final String DATE_DESIGNATORS = "YMD";
    private static final String TIME_DESIGNATORS = "HMS";

    private IsoDuration() {
    }

    public static boolean isValid(String value) {
        if (value == null || value.length() < 3 || value.charAt(0) != 'P') {
            return false;
        }
        int weeks = number(value, 1);
        if (weeks > 0 && weeks == value.length() - 1 && value.charAt(weeks) == 'W') {
            return true;
        }
        Components date = components(value, 1, DATE_DESIGNATORS);
        int at = date.end();
        int count = date.count();
        if (at < value.length() && value.charAt(at) == 'T') {
            Components time = components(value, at + 1, TIME_DESIGNATORS);
            if (time.count() == 0) {
                return false;
            }
            at = time.end();
            count += time.count();
        }
        return count > 0 && at == value.length();
    }

    /**
     * 2.0.0 §4.2.7: precision beyond 0.01 s is not significant when statements are compared, so the seconds'
     * fraction is cut to two digits ({@code PT1.2345S} → {@code PT1.23S}); anything else is returned unchanged.
     */
    public static String truncatedToHundredths(String value) {
        int last = value.length() - 1;
        if (last < 0 || value.charAt(last) != 'S') {
            return value;
        }
        int fraction = last;
        while (fraction > 0 && isDigit(value.charAt(fraction - 1))) {
            fraction--;
        }
        int dot = fraction - 1;
        if (fraction == last || dot < 1 || value.charAt(dot) != '.' || !isDigit(value.charAt(dot - 1))
                || last - fraction <= 2) {
            return value;
        }
        return value.substring(0, fraction + 2) + "S";
    }

    /** The components from {@code start}, each a number and one of {@code designators}, in their order. */
    private static Components components(String value, int start, String designators) {
        int at = start;
        int next = 0;
        int count = 0;
        while (true) {
            int end = number(value, at);
            if (end < 0 || end >= value.length()) {
                return new Components(at, count);
            }
            int designator = designators.indexOf(value.charAt(end), next);
            if (designator < 0) {
                return new Components(at, count);
            }
            next = designator + 1;
            at = end + 1;
            count++;
        }
    }

    /** The end of a number ({@code digits} or {@code digits.digits}) starting at {@code start}, or -1 if none. */
    private static int number(String value, int start) {
        int at = digits(value, start);
        if (at == start) {
            return -1;
        }
        if (at < value.length() && value.charAt(at) == '.') {
            int fraction = digits(value, at + 1);
            return fraction == at + 1 ? -1 : fraction;
        }
        return at;
    }

    private static int digits(String value, int start) {
        int at = start;
        while (at < value.length() && isDigit(value.charAt(at))) {
            at++;
        }
        return at;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private record Components(int end, int count) {
    }
}
