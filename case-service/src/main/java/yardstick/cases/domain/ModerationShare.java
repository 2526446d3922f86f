package yardstick.cases.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The moderation sample's random share: of the active sampled cases, {@code share} of them rounded
 * up (so that a second reader sees at least one case whenever the share is above nothing), chosen
 * by a partial Fisher-Yates shuffle seeded with {@code seed}. The same cases, in the sample's
 * order, and the same seed always choose the same cases.
 */
public final class ModerationShare {

    /** The share taken when the lead inspector names none, as the inspectorate's practice: one case in ten. */
    public static final double DEFAULT_SHARE = 0.10;

    private ModerationShare() {
    }

    /** How many of {@code cases} the share takes: the share of them, rounded up. */
    public static int size(int cases, double share) {
        // The small epsilon keeps 0.1 x 70 at 7, not 8, against the binary fraction's excess.
        return Math.min(cases, (int) Math.ceil(cases * share - 1e-9));
    }

    /** The references drawn, in the order drawn. */
    public static List<String> draw(List<String> activeCases, double share, long seed) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("a share is above 0 and at most 1: " + share);
        }
        List<String> pool = new ArrayList<>(activeCases);
        Random random = new Random(seed);
        int size = size(pool.size(), share);
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(pool.size() - i);
            String chosen = pool.get(j);
            pool.set(j, pool.get(i));
            pool.set(i, chosen);
        }
        return List.copyOf(pool.subList(0, size));
    }
}
