package yardstick.ratings.domain;

import yardstick.platform.statistics.Percentages;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

/**
 * The inspectorate's published rules (Annexe 1) that turn judgements into ratings:
 * <ul>
 *   <li>a case-based standard is rated as the band of its lowest key question (the whole
 *       percentage of applicable cases judged 'yes', see {@link Percentages});</li>
 *   <li>the ratings panel may move it one band by professional discretion, on a ground Annexe 1
 *       gives ({@link DiscretionGround});</li>
 *   <li>the score is the sum of the core standards' scores (0-3 each, 0-36), banded into the
 *       overall rating; an Inadequate resettlement rating stops the overall being Outstanding.</li>
 * </ul>
 */
public final class RatingRules {

    /** The sampling confidence of Annexe 1, used for the intervals unless another is asked for. */
    public static final double DEFAULT_CONFIDENCE = 0.8;
    private static final int DISCRETION_POINTS = 5;
    private static final int DISCRETION_CASES = 5;

    private RatingRules() {
    }

    /**
     * Rates an inspection from inputs a caller proposes: a discretion decision without a ground is refused.
     *
     * @throws RatingInputException listing every problem with the inputs
     * @throws DiscretionRefusedException when a discretion decision has no ground
     */
    public static Ratings calculate(Framework framework, List<KeyQuestionTally> tallies, List<QualitativeRating> qualitative,
                                    List<DiscretionDecision> decisions, double confidence) {
        return calculate(framework, tallies, qualitative, decisions, confidence, GroundlessDiscretion.REFUSE);
    }

    /**
     * Rates an inspection, doing with a discretion decision that has no ground what {@code groundless} says.
     *
     * @throws RatingInputException listing every problem with the inputs
     * @throws DiscretionRefusedException when a discretion decision has no ground and {@code groundless} refuses it
     */
    public static Ratings calculate(Framework framework, List<KeyQuestionTally> tallies, List<QualitativeRating> qualitative,
                                    List<DiscretionDecision> decisions, double confidence, GroundlessDiscretion groundless) {
        List<InputProblem> problems = RatingInputs.problems(framework, tallies, qualitative, decisions, confidence);
        if (!problems.isEmpty()) {
            throw new RatingInputException(problems);
        }
        Map<String, KeyQuestionTally> tallyByQuestion = index(tallies, KeyQuestionTally::keyQuestion);
        Map<String, QualitativeRating> qualitativeByStandard = index(qualitative, QualitativeRating::standard);
        Map<String, DiscretionDecision> decisionByStandard = index(decisions, DiscretionDecision::standard);

        List<StandardRating> core = new ArrayList<>(Framework.CORE_STANDARDS);
        Optional<StandardRating> separately = Optional.empty();
        for (Standard standard : framework.standards()) {
            Optional<StandardRating> rating;
            if (standard.isCaseBased()) {
                List<KeyQuestionTally> own = new ArrayList<>(standard.keyQuestions().size());
                standard.keyQuestions().forEach(k -> own.add(tallyByQuestion.get(k.id())));
                rating = Optional.of(caseBased(standard, own, Optional.ofNullable(decisionByStandard.get(standard.id())), confidence,
                        groundless));
            } else {
                rating = Optional.ofNullable(qualitativeByStandard.get(standard.id()))
                        .map(q -> new StandardRating.Qualitative(standard, q.rating(), q.rationale()));
            }
            if (standard.ratedSeparately()) {
                separately = rating;
            } else {
                core.add(rating.orElseThrow());
            }
        }

        int score = 0;
        for (StandardRating rating : core) {
            score += rating.score();
        }
        Rating overall = overallForScore(score);
        boolean limited = false;
        if (overall == Rating.OUTSTANDING && separately.map(s -> s.rating() == Rating.INADEQUATE).orElse(false)) {
            overall = Rating.GOOD;
            limited = true;
        }
        List<StandardRating> all = new ArrayList<>(core);
        separately.ifPresent(all::add);
        return new Ratings(framework, all, score, 3 * core.size(), overall, separately, limited);
    }

    /** The overall rating of a score out of 36: 0-6 Inadequate, 7-18 Requires improvement, 19-30 Good, 31-36 Outstanding. */
    public static Rating overallForScore(int score) {
        if (score < 0 || score > 36) {
            throw new IllegalArgumentException("a score is 0 to 36, not " + score);
        }
        if (score <= 6) {
            return Rating.INADEQUATE;
        }
        if (score <= 18) {
            return Rating.REQUIRES_IMPROVEMENT;
        }
        return score <= 30 ? Rating.GOOD : Rating.OUTSTANDING;
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        Map<String, T> index = new HashMap<>(2 * items.size());
        for (T item : items) {
            index.put(key.apply(item), item);
        }
        return index;
    }

    /**
     * One case-based standard's rating from its key questions' tallies (missing ones count as no
     * applicable cases), with a discretion decision if there is one.
     *
     * @throws DiscretionRefusedException when no ground allows the decision
     * @throws IllegalArgumentException when no case applied to any of its key questions
     */
    public static StandardRating.CaseBased rateCaseBasedStandard(Standard standard, List<KeyQuestionTally> tallies,
                                                                 Optional<DiscretionDecision> decision) {
        Map<String, KeyQuestionTally> byQuestion = index(tallies, KeyQuestionTally::keyQuestion);
        List<KeyQuestionTally> own = new ArrayList<>();
        for (KeyQuestion question : standard.keyQuestions()) {
            own.add(byQuestion.getOrDefault(question.id(), new KeyQuestionTally(question.id(), 0, 0)));
        }
        if (own.stream().noneMatch(KeyQuestionTally::applies)) {
            throw new IllegalArgumentException("standard " + standard.id() + " cannot be rated yet: no submitted judgement applies to its key questions");
        }
        return caseBased(standard, own, decision, DEFAULT_CONFIDENCE, GroundlessDiscretion.REFUSE);
    }

    static StandardRating.CaseBased caseBased(Standard standard, List<KeyQuestionTally> tallies,
                                              Optional<DiscretionDecision> decision, double confidence) {
        return caseBased(standard, tallies, decision, confidence, GroundlessDiscretion.REFUSE);
    }

    static StandardRating.CaseBased caseBased(Standard standard, List<KeyQuestionTally> tallies,
                                              Optional<DiscretionDecision> decision, double confidence, GroundlessDiscretion groundless) {
        List<KeyQuestionTally> applying = new ArrayList<>(tallies.size());
        List<KeyQuestionResult> results = new ArrayList<>(tallies.size());
        for (KeyQuestionTally tally : tallies) {
            if (tally.applies()) {
                applying.add(tally);
            }
            results.add(KeyQuestionResult.of(tally, confidence));
        }
        KeyQuestionTally lowest = lowestKeyQuestion(applying);
        Rating band = lowest.band();
        List<DiscretionOption> options = discretionOptions(applying, lowest, band);
        Rating rating = band;
        Optional<DiscretionDecision> applied = decision;
        Optional<LostGround> lostGround = Optional.empty();
        if (decision.isPresent()) {
            try {
                rating = allowed(standard, band, options, decision.get());
            } catch (DiscretionRefusedException e) {
                if (groundless == GroundlessDiscretion.REFUSE) {
                    throw e;
                }
                applied = Optional.empty();
                lostGround = Optional.of(new LostGround(decision.get(), e.getMessage()));
            }
        }
        return new StandardRating.CaseBased(standard, rating, results, lowest.keyQuestion(), lowest.wholePercentage(), band, applied, options,
                firmness(applying, band), lostGround);
    }

    /** The lowest key question: the smallest whole percentage, the first in the framework's order on a tie. */
    static KeyQuestionTally lowestKeyQuestion(List<KeyQuestionTally> applying) {
        KeyQuestionTally lowest = applying.get(0);
        int lowestPercentage = lowest.wholePercentage();
        for (int i = 1; i < applying.size(); i++) {
            int percentage = applying.get(i).wholePercentage();
            if (percentage < lowestPercentage) {
                lowest = applying.get(i);
                lowestPercentage = percentage;
            }
        }
        return lowest;
    }

    /** The adjacent ratings the panel may move the standard to, each with the grounds that allow it. */
    static List<DiscretionOption> discretionOptions(List<KeyQuestionTally> applying, KeyQuestionTally lowest, Rating band) {
        List<DiscretionOption> options = new ArrayList<>();
        band.lower().ifPresent(to -> option(applying, lowest, band, to, -1).ifPresent(options::add));
        band.higher().ifPresent(to -> option(applying, lowest, band, to, +1).ifPresent(options::add));
        return options;
    }

    private static Optional<DiscretionOption> option(List<KeyQuestionTally> applying, KeyQuestionTally lowest, Rating band,
                                                     Rating to, int direction) {
        Set<DiscretionGround> grounds = EnumSet.noneOf(DiscretionGround.class);
        int distance = direction > 0
                ? to.lowestPercentage() - lowest.wholePercentage()
                : lowest.wholePercentage() - band.lowestPercentage();
        if (distance <= DISCRETION_POINTS) {
            grounds.add(DiscretionGround.WITHIN_FIVE_POINTS);
        }
        if (oneJudgementMovesTo(applying, to, direction)) {
            grounds.add(DiscretionGround.ONE_CASE_WOULD_CHANGE);
        }
        if (lowest.applicable() <= DISCRETION_CASES) {
            grounds.add(DiscretionGround.FIVE_CASES_OR_FEWER);
        }
        return grounds.isEmpty() ? Optional.empty() : Optional.of(new DiscretionOption(to, grounds));
    }

    /** Whether one judgement more (direction +1) or less (-1) in any key question gives the standard the rating {@code to}. */
    private static boolean oneJudgementMovesTo(List<KeyQuestionTally> applying, Rating to, int direction) {
        int[] percentages = new int[applying.size()];
        for (int i = 0; i < percentages.length; i++) {
            percentages[i] = applying.get(i).wholePercentage();
        }
        for (int i = 0; i < percentages.length; i++) {
            KeyQuestionTally tally = applying.get(i);
            int yes = tally.yes() + direction;
            if (yes < 0 || yes > tally.applicable()) {
                continue;
            }
            int lowest = Percentages.wholePercentage(yes, tally.applicable());
            for (int j = 0; j < percentages.length; j++) {
                if (j != i) {
                    lowest = Math.min(lowest, percentages[j]);
                }
            }
            if (Rating.bandOf(lowest) == to) {
                return true;
            }
        }
        return false;
    }

    private static Rating allowed(Standard standard, Rating band, List<DiscretionOption> options, DiscretionDecision decision) {
        if (decision.rating() == band) {
            throw new DiscretionRefusedException(standard.id(), "standard " + standard.id() + " is already rated "
                    + band.label() + " by its lowest key question; discretion moves a rating to an adjacent band");
        }
        if (!decision.rating().isAdjacentTo(band)) {
            throw new DiscretionRefusedException(standard.id(), "discretion moves standard " + standard.id()
                    + " by one band at most, from " + band.label() + ", not to " + decision.rating().label());
        }
        return options.stream()
                .filter(o -> o.rating() == decision.rating())
                .findFirst()
                .map(DiscretionOption::rating)
                .orElseThrow(() -> new DiscretionRefusedException(standard.id(), "no ground allows discretion to move standard "
                        + standard.id() + " from " + band.label() + " to " + decision.rating().label() + ": its lowest key "
                        + "question is not within five percentage points of the boundary, no single differing judgement would "
                        + "change the rating, and it rests on more than five cases"));
    }

    /** See {@link Firmness}. */
    static Firmness firmness(List<KeyQuestionTally> applying, Rating band) {
        OptionalInt down = OptionalInt.empty();
        if (band.lower().isPresent()) {
            int fewest = Integer.MAX_VALUE;
            for (KeyQuestionTally tally : applying) {
                fewest = Math.min(fewest, changesBelow(tally, band.lowestPercentage()));
            }
            down = OptionalInt.of(fewest);
        }
        OptionalInt up = OptionalInt.empty();
        if (band.higher().isPresent()) {
            int all = 0;
            for (KeyQuestionTally tally : applying) {
                all += changesToReach(tally, band.higher().get().lowestPercentage());
            }
            up = OptionalInt.of(all);
        }
        return new Firmness(down, up);
    }

    private static int changesBelow(KeyQuestionTally tally, int boundary) {
        int changes = 0;
        while (Percentages.wholePercentage(tally.yes() - changes, tally.applicable()) >= boundary) {
            changes++;
        }
        return changes;
    }

    private static int changesToReach(KeyQuestionTally tally, int boundary) {
        int changes = 0;
        while (Percentages.wholePercentage(tally.yes() + changes, tally.applicable()) < boundary) {
            changes++;
        }
        return changes;
    }
}
