package yardstick.ratings.app;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import yardstick.platform.app.Refused;
import yardstick.platform.identity.Caller;
import yardstick.ratings.domain.DiscretionDecision;
import yardstick.ratings.domain.Framework;
import yardstick.ratings.domain.GroundlessDiscretion;
import yardstick.ratings.domain.InputProblem;
import yardstick.ratings.domain.KeyQuestion;
import yardstick.ratings.domain.KeyQuestionTally;
import yardstick.ratings.domain.QualitativeRating;
import yardstick.ratings.domain.RatingInputException;
import yardstick.ratings.domain.RatingRules;
import yardstick.ratings.domain.Ratings;
import yardstick.ratings.domain.Resettlement;
import yardstick.ratings.domain.Standard;
import yardstick.ratings.domain.StandardRating;
import yardstick.ratings.peers.CaseServiceClient;
import yardstick.ratings.store.RatingRecords;
import yardstick.ratings.v1.ActsInForce;
import yardstick.ratings.v1.CalculateRatingsRequest;
import yardstick.ratings.v1.ComputeRatingsRequest;
import yardstick.ratings.v1.ComputeRatingsResponse;

/**
 * Rates a stored inspection in the rating stage: case-service's tallies and the acts in force,
 * kept with their ratings as the inspection's next numbered snapshot. A discretion decision in
 * force that the judgements no longer allow is reported as having lost its ground, not applied,
 * so that the panel can act on it. A retry with the same request_id gets the first snapshot
 * (AIP-155), whose answer is kept as the contract's message.
 */
@Singleton
public class ComputingRatings {

    /** @param asSent the request as the caller sent it: a retry must be the same request */
    public record Command(String inspection, String requestId, ComputeRatingsRequest asSent) {
    }

    private final InspectionFrameworks frameworks;
    private final CaseServiceClient caseService;
    private final RatingRecords records;
    private final FirstAnswers answers;

    ComputingRatings(InspectionFrameworks frameworks, CaseServiceClient caseService, RatingRecords records, FirstAnswers answers) {
        this.frameworks = frameworks;
        this.caseService = caseService;
        this.records = records;
        this.answers = answers;
    }

    public ComputeRatingsResponse compute(Caller caller, Command command) {
        return answers.once(command.requestId(), command.asSent(), ComputeRatingsResponse.parser(), () -> {
            Framework framework = frameworks.beingRated(command.inspection(), "inspection");
            CaseServiceClient.JudgementTallies counted = caseService.tallies(command.inspection());
            return () -> rate(caller, command.inspection(), framework, counted);
        });
    }

    private ComputeRatingsResponse rate(Caller caller, String inspection, Framework framework, CaseServiceClient.JudgementTallies counted) {
        records.lock(inspection);
        List<KeyQuestionTally> tallies = everyCaseBasedKeyQuestion(framework, counted.keyQuestions());
        List<RatingRecords.QualitativeAct> qualitativeActs = records.qualitativeInForce(inspection);
        List<RatingRecords.DiscretionAct> discretionActs = records.discretionInForce(inspection);
        List<QualitativeRating> recorded = qualitativeActs.stream()
                .map(act -> new QualitativeRating(act.standard(), act.rating(), act.rationale())).toList();
        List<QualitativeRating> qualitative = Resettlement.ratingsThatCount(framework, recorded, counted.resettlementCases());
        List<DiscretionDecision> decisions = discretionActs.stream()
                .map(act -> new DiscretionDecision(act.standard(), act.to(), act.rationale())).toList();

        List<String> missing = new ArrayList<>();
        Optional<Standard> unrated = Resettlement.awaitingRating(framework, recorded, counted.resettlementCases());
        unrated.ifPresent(s -> missing.add("standard " + s.id() + " (" + s.name() + ") is to be rated: the sample has "
                + counted.resettlementCases() + " resettlement cases"));
        Ratings ratings = null;
        try {
            ratings = RatingRules.calculate(framework, tallies, qualitative, decisions, RatingRules.DEFAULT_CONFIDENCE,
                    GroundlessDiscretion.REPORT_LOST_GROUND);
        } catch (RatingInputException e) {
            e.problems().stream().map(InputProblem::description).forEach(missing::add);
        }
        if (!missing.isEmpty()) {
            throw new Refused.RulesBroken("NOT_READY", inspection, "the inspection cannot be rated yet: " + String.join("; ", missing));
        }
        List<DiscretionDecision> applied = ratings.standards().stream()
                .filter(s -> s instanceof StandardRating.CaseBased)
                .flatMap(s -> ((StandardRating.CaseBased) s).discretion().stream())
                .toList();
        CalculateRatingsRequest inputs = RatingMessages.inputs(framework.name(), tallies, qualitative, applied);
        ActsInForce inForce = ActsInForce.newBuilder()
                .addAllQualitativeRatings(qualitativeActs.stream().map(ActMessages::qualitative).toList())
                .addAllDiscretionDecisions(discretionActs.stream().map(ActMessages::discretion).toList())
                .build();
        return ComputeRatingsResponse.newBuilder().setSnapshot(ReadingRatingSnapshots.message(records.addSnapshot(inspection,
                framework.name(), inputs.toByteArray(), RatingMessages.response(ratings).toByteArray(), counted.submittedCases(),
                caller.subject(), RatingRecords.now(), inForce.toByteArray(), counted.resettlementCases()))).build();
    }

    /** Every case-based key question's tally, 0 of 0 where no case applied. */
    private static List<KeyQuestionTally> everyCaseBasedKeyQuestion(Framework framework, List<KeyQuestionTally> counted) {
        Map<String, KeyQuestionTally> byQuestion = new HashMap<>();
        counted.forEach(t -> byQuestion.put(t.keyQuestion(), t));
        List<KeyQuestionTally> tallies = new ArrayList<>();
        for (Standard standard : framework.standards()) {
            if (standard.isCaseBased()) {
                for (KeyQuestion question : standard.keyQuestions()) {
                    KeyQuestionTally tally = byQuestion.get(question.id());
                    tallies.add(new KeyQuestionTally(question.id(), tally == null ? 0 : tally.yes(), tally == null ? 0 : tally.applicable()));
                }
            }
        }
        return tallies;
    }
}
