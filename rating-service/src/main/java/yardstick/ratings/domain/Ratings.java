package yardstick.ratings.domain;

import java.util.List;
import java.util.Optional;

/**
 * An inspection's ratings: every standard, the score over the core standards (0-36), the overall
 * rating, and the separately rated resettlement standard where it was rated.
 */
public record Ratings(Framework framework, List<StandardRating> standards, int score, int maximumScore, Rating overall,
                      Optional<StandardRating> resettlement, boolean limitingJudgementApplied) {

    public Ratings {
        standards = List.copyOf(standards);
    }

    public Optional<StandardRating> standard(String id) {
        return standards.stream().filter(s -> s.standard().id().equals(id)).findFirst();
    }
}
