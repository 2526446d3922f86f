package yardstick.ratings.domain;

import java.util.List;
import java.util.Optional;

/**
 * Annexe 2 (Harrow 2021): "Where there are no relevant resettlement cases, we do not apply a
 * rating to resettlement work." The standard rated separately (4.1) is rated only when the
 * inspection's sample has resettlement cases; unrated, it counts in neither the score nor the
 * limiting judgement, and the report says it was not rated.
 */
public final class Resettlement {

    private Resettlement() {
    }

    /** Whether the framework's separately rated standard is rated, given the inspection's resettlement cases. */
    public static boolean isRated(Standard standard, int resettlementCases) {
        return !standard.ratedSeparately() || resettlementCases > 0;
    }

    /** The qualitative ratings that count: a rating of the separately rated standard only where it is rated. */
    public static List<QualitativeRating> ratingsThatCount(Framework framework, List<QualitativeRating> ratings, int resettlementCases) {
        return ratings.stream()
                .filter(r -> framework.standard(r.standard()).map(s -> isRated(s, resettlementCases)).orElse(true))
                .toList();
    }

    /** The separately rated standard that is to be rated (the inspection has resettlement cases) but has no rating, if any. */
    public static Optional<Standard> awaitingRating(Framework framework, List<QualitativeRating> ratings, int resettlementCases) {
        return framework.standards().stream()
                .filter(s -> s.ratedSeparately() && isRated(s, resettlementCases))
                .filter(s -> ratings.stream().noneMatch(r -> r.standard().equals(s.id())))
                .findFirst();
    }
}
