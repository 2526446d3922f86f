package yardstick.ratings.domain;

import java.util.List;
import java.util.Optional;

/** A standard's rating and how it was reached. */
public sealed interface StandardRating {

    Standard standard();

    Rating rating();

    /** Points towards the score: 0-3, or none for a standard rated separately. */
    default int score() {
        return standard().ratedSeparately() ? 0 : rating().score();
    }

    /**
     * A case-based standard: the band of its lowest key question, unless the ratings panel moved
     * it by discretion. A recorded decision that has lost its ground is not applied, and kept in
     * {@code lostGround}.
     */
    record CaseBased(Standard standard, Rating rating, List<KeyQuestionResult> keyQuestions, String lowestKeyQuestion,
                     int lowestPercentage, Rating band, Optional<DiscretionDecision> discretion,
                     List<DiscretionOption> discretionOptions, Firmness firmness, Optional<LostGround> lostGround)
            implements StandardRating {

        public CaseBased {
            keyQuestions = List.copyOf(keyQuestions);
            discretionOptions = List.copyOf(discretionOptions);
        }
    }

    /** A qualitative standard: the lead inspector's rating. */
    record Qualitative(Standard standard, Rating rating, String rationale) implements StandardRating {
    }
}
