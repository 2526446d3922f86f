package yardstick.ratings.domain;

import java.util.Optional;

/**
 * A rating as published, with its score and the lowest whole percentage of its band
 * (Annexe 1: minority below 50, too few 50-64, reasonable majority 65-79, large majority 80+).
 */
public enum Rating {
    INADEQUATE(0, 0),
    REQUIRES_IMPROVEMENT(1, 50),
    GOOD(2, 65),
    OUTSTANDING(3, 80);

    private static final Rating[] VALUES = values();

    private final int score;
    private final int lowestPercentage;

    Rating(int score, int lowestPercentage) {
        this.score = score;
        this.lowestPercentage = lowestPercentage;
    }

    /** Inadequate 0, Requires improvement 1, Good 2, Outstanding 3. */
    public int score() {
        return score;
    }

    /** The lowest whole percentage in this band. */
    public int lowestPercentage() {
        return lowestPercentage;
    }

    /** The band a whole percentage falls in. */
    public static Rating bandOf(int wholePercentage) {
        if (wholePercentage < 0 || wholePercentage > 100) {
            throw new IllegalArgumentException("a percentage is 0 to 100, not " + wholePercentage);
        }
        Rating band = INADEQUATE;
        for (Rating rating : VALUES) {
            if (wholePercentage >= rating.lowestPercentage) {
                band = rating;
            }
        }
        return band;
    }

    public Optional<Rating> higher() {
        return ordinal() + 1 < VALUES.length ? Optional.of(VALUES[ordinal() + 1]) : Optional.empty();
    }

    public Optional<Rating> lower() {
        return ordinal() > 0 ? Optional.of(VALUES[ordinal() - 1]) : Optional.empty();
    }

    public boolean isAdjacentTo(Rating other) {
        return Math.abs(ordinal() - other.ordinal()) == 1;
    }

    /** As the reports write it: 'Requires improvement'. */
    public String label() {
        String words = name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
