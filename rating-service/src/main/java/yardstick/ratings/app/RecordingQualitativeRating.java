package yardstick.ratings.app;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import yardstick.platform.app.Refused;
import yardstick.platform.identity.Caller;
import yardstick.ratings.domain.Framework;
import yardstick.ratings.domain.InputProblem;
import yardstick.ratings.domain.Rating;
import yardstick.ratings.domain.Resettlement;
import yardstick.ratings.domain.Standard;
import yardstick.ratings.peers.CaseServiceClient;
import yardstick.ratings.store.RatingRecords;
import yardstick.ratings.v1.RecordQualitativeRatingRequest;
import yardstick.ratings.v1.RecordQualitativeRatingResponse;

/**
 * The lead inspector rates a qualitative standard; the rating is kept as an act, in force until it
 * is withdrawn or a later rating names it as the one it supersedes. Resettlement is rated only
 * when the inspection's sample has resettlement cases.
 */
@Singleton
public class RecordingQualitativeRating {

    /**
     * @param rating     null when none was given
     * @param supersedes the name of the rating in force that this one replaces; empty when none is
     * @param asSent     the request as the caller sent it: a retry must be the same request
     */
    public record Command(String inspection, String standard, Rating rating, String rationale, String evidence, String supersedes,
                          String supersedeReason, String requestId, RecordQualitativeRatingRequest asSent) {
    }

    private final InspectionFrameworks frameworks;
    private final CaseServiceClient caseService;
    private final RatingRecords records;
    private final FirstAnswers answers;

    RecordingQualitativeRating(InspectionFrameworks frameworks, CaseServiceClient caseService, RatingRecords records, FirstAnswers answers) {
        this.frameworks = frameworks;
        this.caseService = caseService;
        this.records = records;
        this.answers = answers;
    }

    public RecordQualitativeRatingResponse record(Caller caller, Command command) {
        return answers.once(command.requestId(), command.asSent(), RecordQualitativeRatingResponse.parser(), () -> {
            List<InputProblem> problems = new ArrayList<>();
            if (command.rating() == null) {
                problems.add(new InputProblem("rating.rating", "is required"));
            }
            RatingRefusals.requireText(command.rationale(), "rating.rationale", "why the standard earns this rating", problems);
            Framework framework = frameworks.beingRated(command.inspection(), "rating.inspection");
            Optional<Standard> standard = framework.standard(command.standard());
            if (standard.isEmpty()) {
                problems.add(new InputProblem("rating.standard", "'" + command.standard() + "' is not a standard of " + framework.name()));
            } else if (standard.get().isCaseBased()) {
                problems.add(new InputProblem("rating.standard", "standard " + command.standard()
                        + " is case-based: its rating comes from the judgements (and discretion decisions)"));
            }
            Optional<Long> supersedes = Supersession.named(command.supersedes(), command.inspection(), ActMessages.QUALITATIVE_RATINGS,
                    "rating.supersedes", problems);
            if (supersedes.isPresent()) {
                RatingRefusals.requireText(command.supersedeReason(), "supersede_reason", "why the rating in force is replaced", problems);
            }
            RatingRefusals.refuseIfAny(problems);
            if (standard.get().ratedSeparately()) {
                int resettlementCases = caseService.tallies(command.inspection()).resettlementCases();
                if (!Resettlement.isRated(standard.get(), resettlementCases)) {
                    throw new Refused.RulesBroken("NOT_RATED", command.inspection(), "standard " + command.standard() + " ("
                            + standard.get().name() + ") is not rated: the inspection's sample has no resettlement cases");
                }
            }
            return () -> {
                records.lock(command.inspection());
                Optional<RatingRecords.QualitativeAct> inForce = records.qualitativeInForce(command.inspection()).stream()
                        .filter(a -> a.standard().equals(command.standard())).findFirst();
                Supersession.require(inForce.map(RatingRecords.QualitativeAct::id), supersedes, command.inspection(),
                        ActMessages.QUALITATIVE_RATINGS, command.standard());
                RatingRecords.QualitativeAct stored = records.add(new RatingRecords.QualitativeAct(0, command.inspection(),
                        command.standard(), command.rating(), command.rationale(), command.evidence(), caller.subject(), RatingRecords.now(),
                        supersedes, Optional.empty()));
                supersedes.ifPresent(id -> records.endQualitative(id, new RatingRecords.Ending(command.supersedeReason(),
                        caller.subject(), stored.recordTime(), Optional.of(stored.id()))));
                return RecordQualitativeRatingResponse.newBuilder().setRating(ActMessages.qualitative(stored)).build();
            };
        });
    }
}
