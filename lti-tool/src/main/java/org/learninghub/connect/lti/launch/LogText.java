package org.learninghub.connect.lti.launch;

/** Text from outside (an exception message that may quote a remote answer) made safe for one log line. */
final class LogText {

    static final int MAX_LENGTH = 500;

    private LogText() {
    }

    /** Control characters (line breaks that could forge log lines) become spaces; long text is cut. */
    static String of(String text) {
        if (text == null) {
            return "(no detail)";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LENGTH) + 1);
        for (int i = 0; i < text.length() && out.length() < MAX_LENGTH; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? ' ' : c);
        }
        return text.length() > MAX_LENGTH ? out.append('…').toString() : out.toString();
    }
}
