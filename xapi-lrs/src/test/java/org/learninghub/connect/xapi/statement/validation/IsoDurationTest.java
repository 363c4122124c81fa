package org.learninghub.connect.xapi.statement.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class IsoDurationTest {

    /** The pattern the grammar replaced; kept here only to show the two accept the same strings. */
    private static final Pattern FORMER_DURATION = Pattern.compile(
            "P(?=\\d|T\\d)(\\d+(\\.\\d+)?Y)?(\\d+(\\.\\d+)?M)?(\\d+(\\.\\d+)?D)?"
                    + "(T(?=\\d)(\\d+(\\.\\d+)?H)?(\\d+(\\.\\d+)?M)?(\\d+(\\.\\d+)?S)?)?|P\\d+(\\.\\d+)?W");
    /** The truncation the equivalence check did with a pattern (quadratic on a long run of digits). */
    private static final Pattern FORMER_HUNDREDTHS = Pattern.compile("(\\d+\\.\\d{1,2})\\d*S$");

    @Test
    void acceptsTheFormsOfTheSpecification() {
        for (String ok : new String[] {"PT1S", "PT0.5S", "P1D", "P1Y2M3DT4H5M6.789S", "PT1H", "P2W", "P1.5W",
                "PT1M30S", "P1M", "P0D", "PT36H", "P1DT12H36M0.1237S"}) {
            assertTrue(IsoDuration.isValid(ok), ok);
        }
    }

    @Test
    void refusesWhatIsNotADuration() {
        for (String bad : new String[] {"", "P", "PT", "P1", "1D", "PT1", "P1DT", "P1H", "PT1D", "P1S", "P1M1Y",
                "PT1S1H", "P1W1D", "P1Y1Y", "P.5D", "P1.D", "P-1D", "pt1s", "P1D ", "PT1,5S"}) {
            assertFalse(IsoDuration.isValid(bad), bad);
        }
    }

    @Test
    void acceptsExactlyWhatTheFormerPatternAccepted() {
        Random random = new Random(20261129);
        String alphabet = "PTYMDWHS0123456789.";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder s = new StringBuilder(random.nextBoolean() ? "P" : "");
            int length = random.nextInt(9);
            for (int c = 0; c < length; c++) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String value = s.toString();
            assertEquals(FORMER_DURATION.matcher(value).matches(), IsoDuration.isValid(value), value);
        }
    }

    @Test
    void truncatesSecondsToHundredthsAsTheFormerPatternDid() {
        Random random = new Random(7);
        String alphabet = "PTDHMS0123456789.";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(10);
            for (int c = 0; c < length; c++) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String value = s.toString();
            assertEquals(FORMER_HUNDREDTHS.matcher(value).replaceFirst("$1S"), IsoDuration.truncatedToHundredths(value),
                    value);
        }
        assertEquals("PT1.23S", IsoDuration.truncatedToHundredths("PT1.23456S"));
        assertEquals("PT1.2S", IsoDuration.truncatedToHundredths("PT1.2S"));
    }

    /** One pass over the input: a million digits are checked and compared at once (a pattern took 38 s on 100 000). */
    @Test
    void aVeryLongDurationIsHandledInOnePass() {
        String longDays = "P" + "1".repeat(1_000_000) + "D";
        assertTrue(IsoDuration.isValid(longDays));
        assertFalse(IsoDuration.isValid(longDays + "X"));
        assertEquals(longDays, IsoDuration.truncatedToHundredths(longDays));
        String longSeconds = "PT1." + "9".repeat(1_000_000) + "S";
        assertEquals("PT1.99S", IsoDuration.truncatedToHundredths(longSeconds));
    }
}
