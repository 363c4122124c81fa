package org.learninghub.connect.lti.platformcall;

import java.nio.charset.StandardCharsets;

/** A short, single-line piece of what a platform answered, safe to put in an exception message or a log. */
final class Excerpt {

    static final int MAX_LENGTH = 200;

    private Excerpt() {
    }

    static String of(byte[] body) {
        return of(new String(body, 0, Math.min(body.length, MAX_LENGTH * 4), StandardCharsets.UTF_8));
    }

    /** Control characters (line breaks that could forge log lines) become spaces; long text is cut. */
    static String of(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LENGTH) + 1);
        for (int i = 0; i < text.length() && out.length() < MAX_LENGTH; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? ' ' : c);
        }
        return text.length() > MAX_LENGTH ? out.append('…').toString() : out.toString();
    }
}
