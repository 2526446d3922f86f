package yardstick.ratings.domain;

import java.util.Optional;

/** A key question's result: its tally, whole percentage, band and Wilson interval (absent when no case applied). */
public record KeyQuestionResult(KeyQuestionTally tally, Optional<Integer> wholePercentage, Optional<Rating> band,
                                Optional<WilsonInterval> interval) {

    static KeyQuestionResult of(KeyQuestionTally tally, double confidence) {
        if (!tally.applies()) {
            return new KeyQuestionResult(tally, Optional.empty(), Optional.empty(), Optional.empty());
        }
        return new KeyQuestionResult(tally, Optional.of(tally.wholePercentage()), Optional.of(tally.band()),
                Optional.of(WilsonInterval.of(tally.yes(), tally.applicable(), confidence)));
    }
}
