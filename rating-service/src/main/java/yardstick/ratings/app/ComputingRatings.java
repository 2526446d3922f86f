package yardstick.ratings.app;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import yardstick.platform.app.Refused;
import yardstick.platform.identity.Caller;
import yardstick.platform.store.RequestRecords;
import yardstick.ratings.domain.DiscretionDecision;
import yardstick.ratings.domain.DiscretionRefusedException;
import yardstick.ratings.domain.Framework;
import yardstick.ratings.domain.KeyQuestion;
import yardstick.ratings.domain.KeyQuestionTally;
import yardstick.ratings.domain.QualitativeRating;
import yardstick.ratings.domain.RatingInputException;
import yardstick.ratings.domain.RatingRules;
import yardstick.ratings.domain.Ratings;
import yardstick.ratings.domain.Standard;
import yardstick.ratings.peers.CaseServiceClient;
import yardstick.ratings.store.RatingRecords;
import yardstick.ratings.v1.CalculateRatingsRequest;
import yardstick.ratings.v1.ComputeRatingsRequest;
import yardstick.ratings.v1.ComputeRatingsResponse;

/**
 * Rates a stored inspection: case-service's tallies and the acts in force, kept with their ratings
 * as the inspection's next numbered snapshot. A retry with the same request_id gets the first
 * snapshot (AIP-155), whose answer is kept as the contract's message.
 */
@Singleton
public class ComputingRatings {

    /** @param asSent the request as the caller sent it: a retry must be the same request */
    public record Command(String inspection, String requestId, ComputeRatingsRequest asSent) {
    }

    private final InspectionFrameworks frameworks;
    private final CaseServiceClient caseService;
    private final RatingRecords records;
    private final RequestRecords requests;
    private final TransactionOperations<Connection> transactions;

    ComputingRatings(InspectionFrameworks frameworks, CaseServiceClient caseService, RatingRecords records, RequestRecords requests,
                     TransactionOperations<Connection> transactions) {
        this.frameworks = frameworks;
        this.caseService = caseService;
        this.records = records;
        this.requests = requests;
        this.transactions = transactions;
    }

    public ComputeRatingsResponse compute(Caller caller, Command command) {
        Framework framework = frameworks.of(command.inspection(), "inspection");
        CaseServiceClient.JudgementTallies counted = caseService.tallies(command.inspection());
        return transactions.executeWrite(status -> {
            List<KeyQuestionTally> tallies = everyCaseBasedKeyQuestion(framework, counted.keyQuestions());
            List<QualitativeRating> qualitative = records.qualitativeInForce(command.inspection()).stream()
                    .map(act -> new QualitativeRating(act.standard(), act.rating(), act.rationale())).toList();
            List<DiscretionDecision> decisions = records.discretionInForce(command.inspection()).stream()
                    .map(act -> new DiscretionDecision(act.standard(), act.to(), act.rationale())).toList();
            Ratings ratings;
            try {
                ratings = RatingRules.calculate(framework, tallies, qualitative, decisions, RatingRules.DEFAULT_CONFIDENCE);
            } catch (RatingInputException e) {
                throw new Refused.RulesBroken("NOT_READY", command.inspection(), "the inspection cannot be rated yet: "
                        + e.problems().stream().map(p -> p.description()).collect(Collectors.joining("; ")));
            } catch (DiscretionRefusedException e) {
                throw RatingRefusals.discretionGround(e);
            }
            CalculateRatingsRequest inputs = RatingMessages.inputs(framework.name(), tallies, qualitative, decisions);
            byte[] rated = RatingMessages.response(ratings).toByteArray();
            return requests.once(command.requestId(), "request_id", command.asSent(), ComputeRatingsResponse.parser(), () ->
                    ComputeRatingsResponse.newBuilder().setSnapshot(ReadingRatingSnapshots.message(records.addSnapshot(
                            command.inspection(), framework.name(), inputs.toByteArray(), rated, counted.submittedCases(), caller.subject(),
                            RatingRecords.now()))).build());
        });
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
