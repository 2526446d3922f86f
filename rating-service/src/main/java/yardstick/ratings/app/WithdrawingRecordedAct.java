package yardstick.ratings.app;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import yardstick.platform.app.Refused;
import yardstick.platform.identity.Caller;
import yardstick.ratings.domain.InputProblem;
import yardstick.ratings.store.RatingRecords;
import yardstick.ratings.v1.WithdrawDiscretionDecisionRequest;
import yardstick.ratings.v1.WithdrawDiscretionDecisionResponse;
import yardstick.ratings.v1.WithdrawQualitativeRatingRequest;
import yardstick.ratings.v1.WithdrawQualitativeRatingResponse;

/**
 * The lead inspector withdraws a qualitative rating in force, or the ratings panel a discretion
 * decision, with a reason; the act is kept, marked withdrawn, by whom and when. The standard then
 * has no act in force until a new one is recorded.
 */
@Singleton
public class WithdrawingRecordedAct {

    /**
     * @param name   "inspections/{inspection}/qualitativeRatings/{id}" or ".../discretionDecisions/{id}"
     * @param asSent the request as the caller sent it: a retry must be the same request
     */
    public record Command<M>(String name, String reason, String requestId, M asSent) {
    }

    private final InspectionFrameworks frameworks;
    private final RatingRecords records;
    private final FirstAnswers answers;

    WithdrawingRecordedAct(InspectionFrameworks frameworks, RatingRecords records, FirstAnswers answers) {
        this.frameworks = frameworks;
        this.records = records;
        this.answers = answers;
    }

    public WithdrawQualitativeRatingResponse qualitativeRating(Caller caller, Command<WithdrawQualitativeRatingRequest> command) {
        return answers.once(command.requestId(), command.asSent(), WithdrawQualitativeRatingResponse.parser(), () -> {
            Withdrawal withdrawal = check(command, ActMessages.QUALITATIVE_RATINGS, "rating");
            return () -> WithdrawQualitativeRatingResponse.newBuilder().setRating(ActMessages.qualitative(withdraw(caller, withdrawal,
                    records::qualitative, RatingRecords.QualitativeAct::ending, records::endQualitative))).build();
        });
    }

    public WithdrawDiscretionDecisionResponse discretionDecision(Caller caller, Command<WithdrawDiscretionDecisionRequest> command) {
        return answers.once(command.requestId(), command.asSent(), WithdrawDiscretionDecisionResponse.parser(), () -> {
            Withdrawal withdrawal = check(command, ActMessages.DISCRETION_DECISIONS, "decision");
            return () -> WithdrawDiscretionDecisionResponse.newBuilder().setDecision(ActMessages.discretion(withdraw(caller, withdrawal,
                    records::discretion, RatingRecords.DiscretionAct::ending, records::endDiscretion))).build();
        });
    }

    /** A withdrawal checked: of which act, in which inspection, why. */
    private record Withdrawal(String name, String inspection, long id, String reason, String kind) {
    }

    /** The name and reason well formed, and the inspection in the rating stage. */
    private Withdrawal check(Command<?> command, String collection, String kind) {
        List<InputProblem> problems = new ArrayList<>();
        Optional<String> inspection = ActMessages.inspection(command.name(), collection);
        if (inspection.isEmpty()) {
            problems.add(new InputProblem("name", "must be of the form inspections/{inspection}" + collection + "{" + kind + "}"));
        }
        RatingRefusals.requireText(command.reason(), "reason", "why the " + kind + " is withdrawn", problems);
        RatingRefusals.refuseIfAny(problems);
        frameworks.beingRated(inspection.get(), "name");
        return new Withdrawal(command.name(), inspection.get(), ActMessages.id(command.name(), collection).orElseThrow(), command.reason(),
                kind);
    }

    /** Ends the act in force; the act as it now stands. */
    private <A> A withdraw(Caller caller, Withdrawal withdrawal, BiFunction<String, Long, Optional<A>> find,
                           Function<A, Optional<RatingRecords.Ending>> ending, BiConsumer<Long, RatingRecords.Ending> end) {
        records.lock(withdrawal.inspection());
        A act = find.apply(withdrawal.inspection(), withdrawal.id()).orElseThrow(() -> new Refused.NotFound(withdrawal.name()));
        ending.apply(act).ifPresent(ended -> {
            throw new Refused.RulesBroken("ACT_STATE", withdrawal.name(), "the " + withdrawal.kind() + " is no longer in force: it was "
                    + (ended.supersededBy().isPresent() ? "superseded" : "withdrawn"));
        });
        end.accept(withdrawal.id(), new RatingRecords.Ending(withdrawal.reason(), caller.subject(), RatingRecords.now(), Optional.empty()));
        return find.apply(withdrawal.inspection(), withdrawal.id()).orElseThrow();
    }
}
