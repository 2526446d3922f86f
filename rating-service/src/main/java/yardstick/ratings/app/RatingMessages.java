package yardstick.ratings.app;

import java.util.List;
import yardstick.ratings.domain.DiscretionDecision;
import yardstick.ratings.domain.DiscretionGround;
import yardstick.ratings.domain.DiscretionOption;
import yardstick.ratings.domain.KeyQuestionResult;
import yardstick.ratings.domain.KeyQuestionTally;
import yardstick.ratings.domain.QualitativeRating;
import yardstick.ratings.domain.Rating;
import yardstick.ratings.domain.Ratings;
import yardstick.ratings.domain.StandardRating;
import yardstick.ratings.v1.CalculateRatingsRequest;
import yardstick.ratings.v1.CalculateRatingsResponse;
import yardstick.ratings.v1.CaseBasedBasis;
import yardstick.ratings.v1.StandardBasis;

/**
 * Translates ratings between their protobuf messages and the domain. It lives with the use cases
 * because a snapshot keeps its inputs and ratings as these messages.
 */
public final class RatingMessages {

    private RatingMessages() {
    }

    public static KeyQuestionTally tally(yardstick.ratings.v1.KeyQuestionTally message) {
        return new KeyQuestionTally(message.getKeyQuestion(), message.getYes(), message.getApplicable());
    }

    public static QualitativeRating qualitative(yardstick.ratings.v1.QualitativeRating message) {
        return new QualitativeRating(message.getStandard(), rating(message.getRating()), message.getRationale());
    }

    public static DiscretionDecision decision(yardstick.ratings.v1.DiscretionDecision message) {
        return new DiscretionDecision(message.getStandard(), rating(message.getRating()), message.getRationale());
    }

    /** The domain rating, or null for an unspecified or unknown value (reported as a missing rating). */
    public static Rating rating(yardstick.common.v1.Rating message) {
        return switch (message) {
            case RATING_INADEQUATE -> Rating.INADEQUATE;
            case RATING_REQUIRES_IMPROVEMENT -> Rating.REQUIRES_IMPROVEMENT;
            case RATING_GOOD -> Rating.GOOD;
            case RATING_OUTSTANDING -> Rating.OUTSTANDING;
            case RATING_UNSPECIFIED, UNRECOGNIZED -> null;
        };
    }

    public static yardstick.common.v1.Rating rating(Rating rating) {
        return switch (rating) {
            case INADEQUATE -> yardstick.common.v1.Rating.RATING_INADEQUATE;
            case REQUIRES_IMPROVEMENT -> yardstick.common.v1.Rating.RATING_REQUIRES_IMPROVEMENT;
            case GOOD -> yardstick.common.v1.Rating.RATING_GOOD;
            case OUTSTANDING -> yardstick.common.v1.Rating.RATING_OUTSTANDING;
        };
    }

    /** The inputs of a rating as CalculateRatings takes them; the default confidence, so none is given. */
    static CalculateRatingsRequest inputs(String framework, List<KeyQuestionTally> tallies, List<QualitativeRating> qualitative,
                                          List<DiscretionDecision> decisions) {
        CalculateRatingsRequest.Builder inputs = CalculateRatingsRequest.newBuilder().setFramework(framework);
        tallies.forEach(t -> inputs.addKeyQuestionTallies(yardstick.ratings.v1.KeyQuestionTally.newBuilder()
                .setKeyQuestion(t.keyQuestion()).setYes(t.yes()).setApplicable(t.applicable())));
        qualitative.forEach(q -> inputs.addQualitativeRatings(yardstick.ratings.v1.QualitativeRating.newBuilder()
                .setStandard(q.standard()).setRating(rating(q.rating())).setRationale(q.rationale())));
        decisions.forEach(d -> inputs.addDiscretionDecisions(yardstick.ratings.v1.DiscretionDecision.newBuilder()
                .setStandard(d.standard()).setRating(rating(d.rating())).setRationale(d.rationale())));
        return inputs.build();
    }

    public static CalculateRatingsResponse response(Ratings ratings) {
        CalculateRatingsResponse.Builder response = CalculateRatingsResponse.newBuilder()
                .setScore(ratings.score())
                .setMaximumScore(ratings.maximumScore())
                .setOverall(rating(ratings.overall()))
                .setResettlementRated(ratings.resettlement().isPresent())
                .setLimitingJudgementApplied(ratings.limitingJudgementApplied());
        ratings.resettlement().ifPresent(r -> response.setResettlement(rating(r.rating())));
        ratings.standards().forEach(s -> response.addStandardRatings(standard(s)));
        return response.build();
    }

    private static yardstick.ratings.v1.StandardRating standard(StandardRating rating) {
        yardstick.ratings.v1.StandardRating.Builder message = yardstick.ratings.v1.StandardRating.newBuilder()
                .setStandard(rating.standard().id())
                .setName(rating.standard().name())
                .setRating(rating(rating.rating()))
                .setRatedSeparately(rating.standard().ratedSeparately())
                .setScore(rating.score());
        if (rating instanceof StandardRating.CaseBased caseBased) {
            message.setBasis(StandardBasis.STANDARD_BASIS_CASE_BASED).setCaseBased(basis(caseBased));
        } else if (rating instanceof StandardRating.Qualitative qualitative) {
            message.setBasis(StandardBasis.STANDARD_BASIS_QUALITATIVE).setRationale(qualitative.rationale());
        }
        return message.build();
    }

    private static CaseBasedBasis basis(StandardRating.CaseBased rating) {
        CaseBasedBasis.Builder basis = CaseBasedBasis.newBuilder()
                .setLowestKeyQuestion(rating.lowestKeyQuestion())
                .setLowestPercentage(rating.lowestPercentage())
                .setBand(rating(rating.band()))
                .setDiscretionApplied(rating.discretion().isPresent())
                .setDiscretionRationale(rating.discretion().map(DiscretionDecision::rationale).orElse(""));
        rating.keyQuestions().forEach(k -> basis.addKeyQuestions(keyQuestion(k)));
        for (DiscretionOption option : rating.discretionOptions()) {
            yardstick.ratings.v1.DiscretionOption.Builder message = yardstick.ratings.v1.DiscretionOption.newBuilder()
                    .setRating(rating(option.rating()));
            option.grounds().forEach(g -> message.addGrounds(ground(g)));
            basis.addDiscretionOptions(message);
        }
        rating.lostGround().ifPresent(lost -> basis.setDiscretionLostGround(yardstick.ratings.v1.LostGround.newBuilder()
                .setRating(rating(lost.decision().rating()))
                .setRationale(lost.decision().rationale())
                .setReason(lost.reason())));
        rating.firmness().judgementsToMoveDown().ifPresent(basis::setJudgementsToMoveDown);
        rating.firmness().judgementsToMoveUp().ifPresent(basis::setJudgementsToMoveUp);
        return basis.build();
    }

    private static yardstick.ratings.v1.KeyQuestionResult keyQuestion(KeyQuestionResult result) {
        yardstick.ratings.v1.KeyQuestionResult.Builder message = yardstick.ratings.v1.KeyQuestionResult.newBuilder()
                .setKeyQuestion(result.tally().keyQuestion())
                .setYes(result.tally().yes())
                .setApplicable(result.tally().applicable())
                .setApplies(result.tally().applies());
        result.wholePercentage().ifPresent(message::setPercentage);
        result.band().ifPresent(b -> message.setBand(rating(b)));
        result.interval().ifPresent(i -> message
                .setIntervalLow(i.low())
                .setIntervalHigh(i.high())
                .setIntervalConfidence(i.confidence()));
        return message.build();
    }

    public static yardstick.ratings.v1.DiscretionGround ground(DiscretionGround ground) {
        return switch (ground) {
            case WITHIN_FIVE_POINTS -> yardstick.ratings.v1.DiscretionGround.DISCRETION_GROUND_WITHIN_FIVE_POINTS;
            case ONE_CASE_WOULD_CHANGE -> yardstick.ratings.v1.DiscretionGround.DISCRETION_GROUND_ONE_CASE_WOULD_CHANGE;
            case FIVE_CASES_OR_FEWER -> yardstick.ratings.v1.DiscretionGround.DISCRETION_GROUND_FIVE_CASES_OR_FEWER;
        };
    }
}
