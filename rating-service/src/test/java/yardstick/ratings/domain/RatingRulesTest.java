package yardstick.ratings.domain;

import yardstick.platform.statistics.Percentages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import yardstick.ratings.store.FrameworkFiles;

class RatingRulesTest {

    private static final Framework HARROW = FrameworkFiles.load().find("frameworks/youth-2021").orElseThrow();

    @Test
    void percentagesAreRoundedHalfUpToWholeNumbersBeforeBanding() {
        assertEquals(65, Percentages.wholePercentage(129, 200)); // 64.5
        assertEquals(Rating.GOOD, Rating.bandOf(Percentages.wholePercentage(129, 200)));
        assertEquals(80, Percentages.wholePercentage(159, 200)); // 79.5
        assertEquals(Rating.OUTSTANDING, Rating.bandOf(Percentages.wholePercentage(159, 200)));
        assertEquals(50, Percentages.wholePercentage(99, 200)); // 49.5
        assertEquals(Rating.REQUIRES_IMPROVEMENT, Rating.bandOf(Percentages.wholePercentage(99, 200)));
        assertEquals(64, Percentages.wholePercentage(161, 250)); // 64.4 stays Requires improvement
        assertEquals(Rating.REQUIRES_IMPROVEMENT, Rating.bandOf(64));
        assertEquals(49, Percentages.wholePercentage(19, 39)); // Kent publishes 19 of 39 as 49
        assertEquals(19, Percentages.wholePercentage(3, 16)); // and 3 of 16 as 19
    }

    @Test
    void theBandsAreWrittenOnWholeNumbers() {
        assertEquals(Rating.INADEQUATE, Rating.bandOf(49));
        assertEquals(Rating.REQUIRES_IMPROVEMENT, Rating.bandOf(50));
        assertEquals(Rating.REQUIRES_IMPROVEMENT, Rating.bandOf(64));
        assertEquals(Rating.GOOD, Rating.bandOf(65));
        assertEquals(Rating.GOOD, Rating.bandOf(79));
        assertEquals(Rating.OUTSTANDING, Rating.bandOf(80));
    }

    @Test
    void theOverallRatingFollowsTheScoreBands() {
        assertEquals(Rating.INADEQUATE, RatingRules.overallForScore(6));
        assertEquals(Rating.REQUIRES_IMPROVEMENT, RatingRules.overallForScore(7));
        assertEquals(Rating.REQUIRES_IMPROVEMENT, RatingRules.overallForScore(18));
        assertEquals(Rating.GOOD, RatingRules.overallForScore(19));
        assertEquals(Rating.GOOD, RatingRules.overallForScore(30));
        assertEquals(Rating.OUTSTANDING, RatingRules.overallForScore(31));
    }

    @Test
    void aStandardIsRatedByItsLowestKeyQuestionAndAQuestionNoCaseAppliedToDoesNotCount() {
        StandardRating.CaseBased rating = RatingRules.caseBased(standard("2.1"),
                List.of(tally("2.1.1", 9, 10), tally("2.1.2", 0, 0), tally("2.1.3", 7, 10)), Optional.empty(), 0.8);
        assertEquals("2.1.3", rating.lowestKeyQuestion());
        assertEquals(70, rating.lowestPercentage());
        assertEquals(Rating.GOOD, rating.rating());
    }

    @Test
    void discretionIsOpenWithinFivePointsOfTheBoundaryAndWhenOneCaseWouldChangeTheRating() {
        // Harrow's 2.2: keeping other people safe at 64 per cent (7 of 11), the others Outstanding.
        StandardRating.CaseBased planning = RatingRules.caseBased(standard("2.2"),
                List.of(tally("2.2.1", 10, 11), tally("2.2.2", 9, 11), tally("2.2.3", 7, 11)), Optional.empty(), 0.8);
        assertEquals(Rating.REQUIRES_IMPROVEMENT, planning.rating());
        DiscretionOption up = option(planning, Rating.GOOD);
        assertEquals(Set.of(DiscretionGround.WITHIN_FIVE_POINTS, DiscretionGround.ONE_CASE_WOULD_CHANGE), up.grounds());
        // 64 is 14 points above the Requires improvement boundary and 7 of 11 is not one case from below 50.
        assertTrue(planning.discretionOptions().stream().noneMatch(o -> o.rating() == Rating.INADEQUATE));
    }

    @Test
    void discretionIsOpenWhenTheRatingRestsOnFiveCasesOrFewer() {
        StandardRating.CaseBased rating = RatingRules.caseBased(standard("2.1"),
                List.of(tally("2.1.1", 30, 30), tally("2.1.2", 3, 5), tally("2.1.3", 30, 30)), Optional.empty(), 0.8);
        assertEquals(Rating.REQUIRES_IMPROVEMENT, rating.band()); // 60 per cent
        assertTrue(option(rating, Rating.GOOD).grounds().contains(DiscretionGround.FIVE_CASES_OR_FEWER));
        assertTrue(option(rating, Rating.INADEQUATE).grounds().contains(DiscretionGround.FIVE_CASES_OR_FEWER));
    }

    @Test
    void aDecisionNoGroundAllowsIsRefusedSayingWhy() {
        // 30 of 60 (50 per cent) under 2.1.2 with the others Outstanding: 15 points below Good,
        // one more 'yes' gives 51 per cent, and the sub-sample is 60 cases.
        List<KeyQuestionTally> tallies = List.of(tally("2.1.1", 60, 60), tally("2.1.2", 30, 60), tally("2.1.3", 60, 60));
        DiscretionRefusedException refused = assertThrows(DiscretionRefusedException.class, () -> RatingRules.caseBased(
                standard("2.1"), tallies, Optional.of(new DiscretionDecision("2.1", Rating.GOOD, "strong practice")), 0.8));
        assertTrue(refused.getMessage().contains("no ground allows"), refused.getMessage());
        assertEquals("2.1", refused.standard());
    }

    @Test
    void discretionMovesOneBandOnlyAndOnlyAwayFromTheComputedRating() {
        List<KeyQuestionTally> tallies = List.of(tally("2.1.1", 10, 11), tally("2.1.2", 10, 11), tally("2.1.3", 7, 11));
        assertThrows(DiscretionRefusedException.class, () -> RatingRules.caseBased(standard("2.1"), tallies,
                Optional.of(new DiscretionDecision("2.1", Rating.OUTSTANDING, "two bands")), 0.8));
        assertThrows(DiscretionRefusedException.class, () -> RatingRules.caseBased(standard("2.1"), tallies,
                Optional.of(new DiscretionDecision("2.1", Rating.REQUIRES_IMPROVEMENT, "no move")), 0.8));
    }

    @Test
    void firmnessCountsTheJudgementsThatWouldMoveTheRating() {
        // Kent's 2.1: 24/39 (62), 18/39 (46), 14/34 (41): Inadequate.
        Firmness kentAssessment = RatingRules.caseBased(standard("2.1"),
                List.of(tally("2.1.1", 24, 39), tally("2.1.2", 18, 39), tally("2.1.3", 14, 34)), Optional.empty(), 0.8).firmness();
        assertEquals(OptionalInt.empty(), kentAssessment.judgementsToMoveDown(), "nothing below Inadequate");
        // Up to Requires improvement: 2.1.2 needs 20/39 (51), two more; 2.1.3 needs 17/34 (50), three more.
        assertEquals(OptionalInt.of(5), kentAssessment.judgementsToMoveUp());

        // Harrow's 2.2 at 64 (7/11): two fewer 'yes' under 2.2.3 (5/11 = 45) would make it Inadequate.
        Firmness harrowPlanning = RatingRules.caseBased(standard("2.2"),
                List.of(tally("2.2.1", 10, 11), tally("2.2.2", 9, 11), tally("2.2.3", 7, 11)), Optional.empty(), 0.8).firmness();
        assertEquals(OptionalInt.of(2), harrowPlanning.judgementsToMoveDown());
        assertEquals(OptionalInt.of(1), harrowPlanning.judgementsToMoveUp());
    }

    @Test
    void eachKeyQuestionCarriesItsWilsonIntervalAtTheSamplingConfidence() {
        WilsonInterval half = WilsonInterval.of(2, 4, 0.8);
        assertEquals(23.024, half.low(), 0.001);
        assertEquals(76.976, half.high(), 0.001);
        WilsonInterval kent = WilsonInterval.of(24, 39, 0.8);
        assertEquals(51.281, kent.low(), 0.001);
        assertEquals(70.863, kent.high(), 0.001);
        WilsonInterval none = WilsonInterval.of(0, 5, 0.8);
        assertEquals(0.0, none.low(), 1e-9);
        assertEquals(24.726, none.high(), 0.001);
        assertTrue(WilsonInterval.of(24, 39, 0.95).low() < kent.low(), "higher confidence, wider interval");
    }

    @Test
    void anInadequateResettlementRatingStopsTheOverallRatingBeingOutstanding() {
        Ratings ratings = RatingRules.calculate(HARROW, allAt(10, 10), qualitative(Rating.OUTSTANDING, Optional.of(Rating.INADEQUATE)),
                List.of(), 0.8);
        assertEquals(36, ratings.score());
        assertEquals(Rating.GOOD, ratings.overall());
        assertTrue(ratings.limitingJudgementApplied());

        Ratings withoutResettlement = RatingRules.calculate(HARROW, allAt(10, 10), qualitative(Rating.OUTSTANDING, Optional.empty()),
                List.of(), 0.8);
        assertEquals(Rating.OUTSTANDING, withoutResettlement.overall());
        assertTrue(withoutResettlement.resettlement().isEmpty());
    }

    @Test
    void aRecordedDecisionWhoseGroundTheJudgementsTookAwayIsReportedAndTheStandardRatedByItsBand() {
        // All at 7 of 10 (70 per cent, Good); the panel had raised 2.2 to Outstanding when its lowest question stood at 78.
        List<DiscretionDecision> decisions = List.of(new DiscretionDecision("2.2", Rating.OUTSTANDING, "two points below the boundary"));
        Ratings ratings = RatingRules.calculate(HARROW, allAt(7, 10), qualitative(Rating.GOOD, Optional.empty()), decisions, 0.8,
                GroundlessDiscretion.REPORT_LOST_GROUND);
        StandardRating.CaseBased planning = (StandardRating.CaseBased) ratings.standard("2.2").orElseThrow();
        assertEquals(Rating.GOOD, planning.rating());
        assertTrue(planning.discretion().isEmpty(), "not applied");
        assertEquals(decisions.get(0), planning.lostGround().orElseThrow().decision());
        assertEquals(24, ratings.score(), "twelve standards at Good, 2.2 among them");
        // A caller proposing the same decision is refused.
        assertThrows(DiscretionRefusedException.class, () -> RatingRules.calculate(HARROW, allAt(7, 10),
                qualitative(Rating.GOOD, Optional.empty()), decisions, 0.8));
    }

    @Test
    void resettlementIsRatedOnlyWhenTheSampleHasResettlementCases() {
        List<QualitativeRating> withResettlement = qualitative(Rating.GOOD, Optional.of(Rating.INADEQUATE));
        assertTrue(Resettlement.ratingsThatCount(HARROW, withResettlement, 0).stream().noneMatch(r -> r.standard().equals("4.1")));
        assertEquals(withResettlement, Resettlement.ratingsThatCount(HARROW, withResettlement, 2));
        assertEquals("4.1", Resettlement.awaitingRating(HARROW, qualitative(Rating.GOOD, Optional.empty()), 2).orElseThrow().id());
        assertTrue(Resettlement.awaitingRating(HARROW, qualitative(Rating.GOOD, Optional.empty()), 0).isEmpty());
    }

    @Test
    void everyProblemWithTheInputsIsReportedAtOnce() {
        List<KeyQuestionTally> tallies = new java.util.ArrayList<>(allAt(5, 10));
        tallies.set(0, tally("2.1.1", 11, 10));
        tallies.set(1, tally("2.1.2", -1, 10));
        tallies.add(tally("9.9.9", 1, 1));
        RatingInputException problems = assertThrows(RatingInputException.class, () -> RatingRules.calculate(HARROW, tallies,
                List.of(new QualitativeRating("2.3", Rating.GOOD, "")), List.of(new DiscretionDecision("1.1", Rating.GOOD, "")), 0.8));
        List<String> fields = problems.problems().stream().map(InputProblem::field).toList();
        assertTrue(fields.containsAll(List.of("key_question_tallies[0].yes", "key_question_tallies[1].yes",
                "key_question_tallies[" + (tallies.size() - 1) + "].key_question", "qualitative_ratings[0].standard",
                "qualitative_ratings", "discretion_decisions[0].standard", "discretion_decisions[0].rationale")), fields.toString());
    }

    static List<KeyQuestionTally> allAt(int yes, int applicable) {
        return HARROW.standards().stream()
                .filter(Standard::isCaseBased)
                .flatMap(s -> s.keyQuestions().stream())
                .map(k -> tally(k.id(), yes, applicable))
                .toList();
    }

    static List<QualitativeRating> qualitative(Rating rating, Optional<Rating> resettlement) {
        List<QualitativeRating> ratings = new java.util.ArrayList<>(HARROW.standards().stream()
                .filter(s -> !s.isCaseBased() && !s.ratedSeparately())
                .map(s -> new QualitativeRating(s.id(), rating, "evidence"))
                .toList());
        resettlement.ifPresent(r -> ratings.add(new QualitativeRating("4.1", r, "evidence")));
        return ratings;
    }

    private static Standard standard(String id) {
        return HARROW.standard(id).orElseThrow();
    }

    private static KeyQuestionTally tally(String keyQuestion, int yes, int applicable) {
        return new KeyQuestionTally(keyQuestion, yes, applicable);
    }

    private static DiscretionOption option(StandardRating.CaseBased rating, Rating to) {
        return rating.discretionOptions().stream().filter(o -> o.rating() == to).findFirst()
                .orElseThrow(() -> new AssertionError("no option to " + to + " in " + rating.discretionOptions()));
    }
}
