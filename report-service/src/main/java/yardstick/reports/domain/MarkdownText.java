package yardstick.reports.domain;

/**
 * Authors' and services' words made safe to place in Markdown: they read as the words they are,
 * never as markup. A line break becomes a space (a paragraph or cell is one line), characters
 * Markdown gives meaning to are escaped, and so is a line-opening marker (a heading's #, a list's
 * - or 1.) that would otherwise turn the text into a heading or a list.
 */
public final class MarkdownText {

    private static final String SPECIAL = "\\`*_[]<>";
    /** A line-opening marker only counts when a space or the end follows it: "1.1" is not a list, "1. " is. */
    private static final java.util.regex.Pattern MARKER = java.util.regex.Pattern.compile("^(#{1,6}|[-+=]|\\d{1,9}[.)])(\\s|$)");
    private static final java.util.regex.Pattern LINE_BREAK = java.util.regex.Pattern.compile("\\s*\\R\\s*");

    private MarkdownText() {
    }

    /** Text for a paragraph, heading or list item. */
    public static String inline(String text) {
        String escaped = escaped(text);
        java.util.regex.Matcher marker = MARKER.matcher(escaped);
        if (marker.find()) {
            int at = Character.isDigit(escaped.charAt(0)) ? marker.end(1) - 1 : 0;
            return escaped.substring(0, at) + "\\" + escaped.substring(at);
        }
        return escaped;
    }

    private static String escaped(String text) {
        String stripped = text.strip();
        String line = stripped.indexOf('\n') < 0 && stripped.indexOf('\r') < 0 ? stripped : LINE_BREAK.matcher(stripped).replaceAll(" ");
        StringBuilder escaped = new StringBuilder(line.length() + 8);
        for (char c : line.toCharArray()) {
            if (SPECIAL.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /** Text for a table cell: also its column separator escaped. */
    public static String cell(String text) {
        return escaped(text).replace("|", "\\|");
    }
}
