package yardstick.cases.domain;

/**
 * A bound of the balance that a draw had to loosen (see {@link BalancedProbabilityDraw}): a
 * classification's category, for example "GENDER" "FEMALE", whose count the draw let lie up to
 * {@code cases} more cases beyond the floor or the ceiling of its quota.
 */
public record LoosenedBound(String classification, String category, int cases) {

    public LoosenedBound {
        if (cases < 1) {
            throw new IllegalArgumentException("a loosened bound is loosened by a case or more, not " + cases);
        }
    }
}
