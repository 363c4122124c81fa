package org.learninghub.connect.hub.catalogue.quality;

/** One-pass character tests on values already bounded by {@link Limits}; no regular expressions. */
final class Text {

    private Text() {
    }

    /** A tag opening ({@code <b}, {@code </}, {@code <!}) or a character reference ({@code &amp;}, {@code &#39;}). */
    static boolean looksLikeHtml(String s) {
        for (int i = 0; i + 1 < s.length(); i++) {
            char c = s.charAt(i);
            char next = s.charAt(i + 1);
            if (c == '<' && (Character.isLetter(next) || next == '/' || next == '!')) {
                return true;
            }
            if (c == '&' && (Character.isLetter(next) || next == '#')) {
                int j = i + 1;
                while (j < s.length() && j - i <= 10 && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '#')) {
                    j++;
                }
                if (j < s.length() && s.charAt(j) == ';') {
                    return true;
                }
            }
        }
        return false;
    }

    /** A control character other than tab (and, where allowed, line breaks). */
    static boolean hasControl(String s, boolean lineBreaksAllowed) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && !(lineBreaksAllowed && (c == '\n' || c == '\r'))) {
                return true;
            }
        }
        return false;
    }

    /** Two whitespace characters in a row, or any whitespace other than a plain space. */
    static boolean hasDoubledWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && Character.isWhitespace(c)) {
                return true;
            }
            if (c == ' ' && i + 1 < s.length() && Character.isWhitespace(s.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    /** At least four letters and none of them lower case ("FIRE SAFETY"); short acronyms ("NHS") pass. */
    static boolean allCapitals(String s) {
        int letters = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            if (Character.isLetter(c)) {
                letters++;
            }
        }
        return letters >= 4;
    }
}
