package yardstick.ratings.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import yardstick.ratings.store.FrameworkFiles;

/** The rating rules hold for any judgements, on both framework versions. */
class RatingRulesPropertiesTest {

    private static final FrameworkLibrary LIBRARY = FrameworkFiles.load();

    /** An inspection's inputs without discretion: random tallies and qualitative ratings. */
    record Inputs(Framework framework, List<KeyQuestionTally> tallies, List<QualitativeRating> qualitative) {
    }

    @Provide
    Arbitrary<Inputs> inspections() {
        return inputs(0, Arbitraries.of(Rating.class).optional());
    }

    /** Inspections strong enough to score Outstanding, whose resettlement is rated Inadequate. */
    @Provide
    Arbitrary<Inputs> strongInspectionsWithInadequateResettlement() {
        return inputs(0.78, Arbitraries.of(Rating.GOOD, Rating.OUTSTANDING).optional(0.99))
                .filter(i -> i.framework().standards().stream().anyMatch(Standard::ratedSeparately))
                .map(i -> {
                    List<QualitativeRating> qualitative = new ArrayList<>(i.qualitative().stream().filter(q -> !q.standard().equals("4.1")).toList());
                    qualitative.add(new QualitativeRating("4.1", Rating.INADEQUATE, "no resettlement policy"));
                    return new Inputs(i.framework(), i.tallies(), qualitative);
                });
    }

    private static Arbitrary<Inputs> inputs(double minimumShare, Arbitrary<Optional<Rating>> qualitativeRatings) {
        return Arbitraries.of(LIBRARY.all()).flatMap(framework -> {
            List<KeyQuestion> questions = framework.standards().stream()
                    .filter(Standard::isCaseBased)
                    .flatMap(s -> s.keyQuestions().stream())
                    .toList();
            List<Standard> qualitative = framework.standards().stream().filter(s -> !s.isCaseBased()).toList();
            Arbitrary<List<KeyQuestionTally>> tallies = Combinators.combine(
                    Arbitraries.integers().between(1, 60).list().ofSize(questions.size()),
                    Arbitraries.doubles().between(minimumShare, 1).list().ofSize(questions.size()))
                    .as((applicable, share) -> {
                        List<KeyQuestionTally> list = new ArrayList<>();
                        for (int i = 0; i < questions.size(); i++) {
                            int n = applicable.get(i);
                            list.add(new KeyQuestionTally(questions.get(i).id(), (int) Math.round(share.get(i) * n), n));
                        }
                        return list;
                    });
            Arbitrary<List<Optional<Rating>>> ratings = qualitativeRatings.list().ofSize(qualitative.size());
            return Combinators.combine(tallies, ratings).as((t, r) -> {
                List<QualitativeRating> given = new ArrayList<>();
                for (int i = 0; i < qualitative.size(); i++) {
                    Standard standard = qualitative.get(i);
                    // Core qualitative standards are always rated; resettlement only sometimes.
                    Rating rating = r.get(i).orElse(standard.ratedSeparately() ? null : Rating.GOOD);
                    if (rating != null) {
                        given.add(new QualitativeRating(standard.id(), rating, "evidence"));
                    }
                }
                return new Inputs(framework, t, given);
            });
        });
    }

    @Property
    void theScoreIsTheSumOfTheCoreStandardsScores(@ForAll("inspections") Inputs inputs) {
        Ratings ratings = rate(inputs);
        int sum = ratings.standards().stream().filter(s -> !s.standard().ratedSeparately()).mapToInt(s -> s.rating().score()).sum();
        assertEquals(sum, ratings.score());
        assertEquals(36, ratings.maximumScore());
    }

    @Property
    void theOverallRatingFollowsTheScoreBandsUnlessResettlementLimitsIt(@ForAll("inspections") Inputs inputs) {
        Ratings ratings = rate(inputs);
        int score = ratings.score();
        Rating byScore = score <= 6 ? Rating.INADEQUATE : score <= 18 ? Rating.REQUIRES_IMPROVEMENT : score <= 30 ? Rating.GOOD : Rating.OUTSTANDING;
        Rating expected = ratings.limitingJudgementApplied() ? Rating.GOOD : byScore;
        assertEquals(expected, ratings.overall());
    }

    @Property
    void withoutDiscretionAStandardIsExactlyItsLowestKeyQuestionsBand(@ForAll("inspections") Inputs inputs) {
        Ratings ratings = rate(inputs);
        for (StandardRating rating : ratings.standards()) {
            if (!(rating instanceof StandardRating.CaseBased)) {
                continue;
            }
            int lowest = inputs.tallies().stream()
                    .filter(t -> rating.standard().keyQuestions().stream().anyMatch(k -> k.id().equals(t.keyQuestion())))
                    .mapToInt(t -> (int) Math.floor(100.0 * t.yes() / t.applicable() + 0.5 + 1e-9))
                    .min()
                    .orElseThrow();
            Rating band = lowest >= 80 ? Rating.OUTSTANDING : lowest >= 65 ? Rating.GOOD : lowest >= 50 ? Rating.REQUIRES_IMPROVEMENT : Rating.INADEQUATE;
            assertEquals(band, rating.rating(), rating.standard().id());
        }
    }

    @Property
    void anInadequateResettlementRatingNeverLetsTheOverallBeOutstanding(
            @ForAll("strongInspectionsWithInadequateResettlement") Inputs inputs) {
        Ratings ratings = rate(inputs);
        assertEquals(Rating.INADEQUATE, ratings.resettlement().orElseThrow().rating());
        assertNotEquals(Rating.OUTSTANDING, ratings.overall());
        Statistics.label("score would be Outstanding").collect(ratings.score() >= 31);
        Statistics.label("score would be Outstanding").coverage(c -> c.check(true).count(n -> n > 50));
    }

    private static Ratings rate(Inputs inputs) {
        return RatingRules.calculate(inputs.framework(), inputs.tallies(), inputs.qualitative(), List.of(), RatingRules.DEFAULT_CONFIDENCE);
    }
}
