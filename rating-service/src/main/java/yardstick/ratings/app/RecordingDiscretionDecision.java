package yardstick.ratings.app;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import yardstick.platform.app.Refused;
import yardstick.platform.identity.Caller;
import yardstick.ratings.domain.DiscretionDecision;
import yardstick.ratings.domain.DiscretionGround;
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

/**
 * The ratings panel moves a case-based standard's rating, on a ground of Annexe 1 that today's
 * tallies open; the decision is kept as an act with the band it moved from and its grounds.
 */
@Singleton
public class RecordingDiscretionDecision {

    /** @param to null when none was given */
    public record Command(String inspection, String standard, Rating to, String rationale) {
    }

    public record Recorded(String inspection, String standard, Rating from, Rating to, List<DiscretionGround> grounds, String rationale,
                           String recordedBy, Instant recordTime) {
    }

    private final InspectionFrameworks frameworks;
    private final CaseServiceClient caseService;
    private final RatingRecords records;
    private final TransactionOperations<Connection> transactions;

    RecordingDiscretionDecision(InspectionFrameworks frameworks, CaseServiceClient caseService, RatingRecords records,
                                TransactionOperations<Connection> transactions) {
        this.frameworks = frameworks;
        this.caseService = caseService;
        this.records = records;
        this.transactions = transactions;
    }

    public Recorded record(Caller caller, Command command) {
        List<InputProblem> problems = new ArrayList<>();
        if (command.to() == null) {
            problems.add(new InputProblem("decision.to", "is required: the rating the panel decided on"));
        }
        RatingRefusals.requireText(command.rationale(), "decision.rationale", "the report must say why the panel moved the rating", problems);
        Framework framework = frameworks.of(command.inspection(), "decision.inspection");
        Optional<Standard> standard = framework.standard(command.standard());
        if (standard.isEmpty()) {
            problems.add(new InputProblem("decision.standard", "'" + command.standard() + "' is not a standard of " + framework.name()));
        } else if (!standard.get().isCaseBased()) {
            problems.add(new InputProblem("decision.standard", "standard " + command.standard()
                    + " is qualitative: professional discretion applies to case-based standards only"));
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
        RatingRecords.DiscretionAct act = new RatingRecords.DiscretionAct(command.inspection(), command.standard(), rated.band(),
                command.to(), List.copyOf(option.grounds()), command.rationale(), caller.subject(), RatingRecords.now());
        transactions.executeWrite(status -> {
            records.add(act);
            return act;
        });
        return new Recorded(act.inspection(), act.standard(), act.from(), act.to(), act.grounds(), act.rationale(), act.recordedBy(),
                act.recordTime());
    }
}
