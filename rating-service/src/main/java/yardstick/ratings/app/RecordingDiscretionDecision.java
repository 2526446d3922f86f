package yardstick.ratings.app;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import yardstick.platform.app.Refused;
import yardstick.platform.identity.Caller;
import yardstick.ratings.domain.DiscretionDecision;
import yardstick.ratings.domain.DiscretionOption;
import yardstick.ratings.domain.DiscretionRefusedException;
import yardstick.ratings.domain.Framework;
import yardstick.ratings.domain.InputProblem;
import yardstick.ratings.domain.KeyQuestionTally;
import yardstick.ratings.domain.Rating;
import yardstick.ratings.domain.RatingRules;
import yardstick.ratings.domain.Standard;
import yardstick.ratings.domain.StandardRating;
import yardstick.ratings.peers.CaseServiceClient;
import yardstick.ratings.store.RatingRecords;
import yardstick.ratings.v1.RecordDiscretionDecisionRequest;
import yardstick.ratings.v1.RecordDiscretionDecisionResponse;

/**
 * The ratings panel moves a case-based standard's rating, on a ground of Annexe 1 that today's
 * tallies open; the decision is kept as an act with the band it moved from and its grounds, in
 * force until it is withdrawn or a later decision names it as the one it supersedes.
 */
@Singleton
public class RecordingDiscretionDecision {

    /**
     * @param to         null when none was given
     * @param supersedes the name of the decision in force that this one replaces; empty when none is
     * @param asSent     the request as the caller sent it: a retry must be the same request
     */
    public record Command(String inspection, String standard, Rating to, String rationale, String supersedes, String supersedeReason,
                          String requestId, RecordDiscretionDecisionRequest asSent) {
    }

    private final InspectionFrameworks frameworks;
    private final CaseServiceClient caseService;
    private final RatingRecords records;
    private final FirstAnswers answers;

    RecordingDiscretionDecision(InspectionFrameworks frameworks, CaseServiceClient caseService, RatingRecords records, FirstAnswers answers) {
        this.frameworks = frameworks;
        this.caseService = caseService;
        this.records = records;
        this.answers = answers;
    }

    public RecordDiscretionDecisionResponse record(Caller caller, Command command) {
        return answers.once(command.requestId(), command.asSent(), RecordDiscretionDecisionResponse.parser(), () -> {
            List<InputProblem> problems = new ArrayList<>();
            if (command.to() == null) {
                problems.add(new InputProblem("decision.to", "is required: the rating the panel decided on"));
            }
            RatingRefusals.requireText(command.rationale(), "decision.rationale", "the report must say why the panel moved the rating",
                    problems);
            Framework framework = frameworks.beingRated(command.inspection(), "decision.inspection");
            Optional<Standard> standard = framework.standard(command.standard());
            if (standard.isEmpty()) {
                problems.add(new InputProblem("decision.standard", "'" + command.standard() + "' is not a standard of " + framework.name()));
            } else if (!standard.get().isCaseBased()) {
                problems.add(new InputProblem("decision.standard", "standard " + command.standard()
                        + " is qualitative: professional discretion applies to case-based standards only"));
            }
            Optional<Long> supersedes = Supersession.named(command.supersedes(), command.inspection(), ActMessages.DISCRETION_DECISIONS,
                    "decision.supersedes", problems);
            if (supersedes.isPresent()) {
                RatingRefusals.requireText(command.supersedeReason(), "supersede_reason", "why the decision in force is replaced", problems);
            }
            RatingRefusals.refuseIfAny(problems);
            List<KeyQuestionTally> tallies = caseService.tallies(command.inspection()).keyQuestions();
            StandardRating.CaseBased rated;
            try {
                rated = RatingRules.rateCaseBasedStandard(standard.get(), tallies,
                        Optional.of(new DiscretionDecision(command.standard(), command.to(), command.rationale())));
            } catch (DiscretionRefusedException e) {
                throw RatingRefusals.discretionGround(e);
            } catch (IllegalArgumentException e) {
                throw new Refused.RulesBroken("NOT_READY", "standards/" + command.standard(), e.getMessage());
            }
            DiscretionOption option = rated.discretionOptions().stream().filter(o -> o.rating() == command.to()).findFirst().orElseThrow();
            return () -> {
                records.lock(command.inspection());
                Optional<RatingRecords.DiscretionAct> inForce = records.discretionInForce(command.inspection()).stream()
                        .filter(a -> a.standard().equals(command.standard())).findFirst();
                Supersession.require(inForce.map(RatingRecords.DiscretionAct::id), supersedes, command.inspection(),
                        ActMessages.DISCRETION_DECISIONS, command.standard());
                RatingRecords.DiscretionAct stored = records.add(new RatingRecords.DiscretionAct(0, command.inspection(), command.standard(),
                        rated.band(), command.to(), List.copyOf(option.grounds()), command.rationale(), caller.subject(),
                        RatingRecords.now(), supersedes, Optional.empty()));
                supersedes.ifPresent(id -> records.endDiscretion(id, new RatingRecords.Ending(command.supersedeReason(), caller.subject(),
                        stored.recordTime(), Optional.of(stored.id()))));
                return RecordDiscretionDecisionResponse.newBuilder().setDecision(ActMessages.discretion(stored)).build();
            };
        });
    }
}
