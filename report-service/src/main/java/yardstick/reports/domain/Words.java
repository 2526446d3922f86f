package yardstick.reports.domain;

import java.util.Locale;

/** Constants as the reports write them. */
public final class Words {

    private Words() {
    }

    /** "REQUIRES_IMPROVEMENT" as "Requires improvement"; empty as "Not known". */
    public static String sentence(String constant) {
        String words = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
        return words.isEmpty() ? "Not known" : capitalised(words);
    }

    public static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
