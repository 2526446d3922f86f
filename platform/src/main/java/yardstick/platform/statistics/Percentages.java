package yardstick.platform.statistics;

/**
 * The rounding rule. The reports publish whole percentages and write the bands on whole numbers
 * (50-64, 65-79), so a key question's share of 'yes' judgements is rounded to a whole percentage
 * before it is banded, half up: 64.5 per cent is 65 (Good), 79.5 is 80 (Outstanding), 49.5 is 50
 * (Requires improvement). Every published figure in Kent's and Harrow's reports is consistent
 * with it, and truncation is not: Kent publishes 3 of 16 as 19 per cent and 19 of 39 as 49.
 */
public final class Percentages {

    private Percentages() {
    }

    /**
     * {@code yes / applicable} as a whole percentage, rounded half up, in exact integer arithmetic:
     * in longs, which hold 200 times any int (ints overflow from 10,737,419 cases).
     */
    public static int wholePercentage(int yes, int applicable) {
        if (applicable <= 0 || yes < 0 || yes > applicable) {
            throw new IllegalArgumentException("no percentage of " + yes + " in " + applicable);
        }
        return (int) ((200L * yes + applicable) / (2L * applicable));
    }
}
