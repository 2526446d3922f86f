package yardstick.ratings.domain;

import yardstick.platform.statistics.Percentages;

/** How many applicable cases met a key question: its judgements summed over the sample. */
public record KeyQuestionTally(String keyQuestion, int yes, int applicable) {

    /**
     * Most applicable cases a tally may count: far beyond any inspection's sample (tens of cases)
     * or population (thousands), and few enough that how firm a rating is (one changed judgement
     * at a time) is worked out at once.
     */
    public static final int MOST_CASES = 1_000_000;

    /** False when no case in the sample was one the key question applies to. */
    public boolean applies() {
        return applicable > 0;
    }

    public int wholePercentage() {
        return Percentages.wholePercentage(yes, applicable);
    }

    public Rating band() {
        return Rating.bandOf(wholePercentage());
    }

    KeyQuestionTally withYes(int newYes) {
        return new KeyQuestionTally(keyQuestion, newYes, applicable);
    }
}
