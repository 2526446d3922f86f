package yardstick.ratings.app;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import yardstick.platform.identity.Caller;
import yardstick.ratings.domain.Framework;
import yardstick.ratings.domain.InputProblem;
import yardstick.ratings.domain.Rating;
import yardstick.ratings.domain.Standard;
import yardstick.ratings.store.RatingRecords;

/** The lead inspector rates a qualitative standard; the rating is kept as an act, and the latest act is in force. */
@Singleton
public class RecordingQualitativeRating {

    /** @param rating null when none was given */
    public record Command(String inspection, String standard, Rating rating, String rationale, String evidence) {
    }

    public record Recorded(String recordedBy, Instant recordTime) {
    }

    private final InspectionFrameworks frameworks;
    private final RatingRecords records;
    private final TransactionOperations<Connection> transactions;

    RecordingQualitativeRating(InspectionFrameworks frameworks, RatingRecords records, TransactionOperations<Connection> transactions) {
        this.frameworks = frameworks;
        this.records = records;
        this.transactions = transactions;
    }

    public Recorded record(Caller caller, Command command) {
        List<InputProblem> problems = new ArrayList<>();
        if (command.rating() == null) {
            problems.add(new InputProblem("rating.rating", "is required"));
        }
        RatingRefusals.requireText(command.rationale(), "rating.rationale", "why the standard earns this rating", problems);
        Framework framework = frameworks.of(command.inspection(), "rating.inspection");
        Optional<Standard> standard = framework.standard(command.standard());
        if (standard.isEmpty()) {
            problems.add(new InputProblem("rating.standard", "'" + command.standard() + "' is not a standard of " + framework.name()));
        } else if (standard.get().isCaseBased()) {
            problems.add(new InputProblem("rating.standard", "standard " + command.standard()
                    + " is case-based: its rating comes from the judgements (and discretion decisions)"));
        }
        RatingRefusals.refuseIfAny(problems);
        RatingRecords.QualitativeAct act = new RatingRecords.QualitativeAct(command.inspection(), command.standard(), command.rating(),
                command.rationale(), command.evidence(), caller.subject(), RatingRecords.now());
        transactions.executeWrite(status -> {
            records.add(act);
            return act;
        });
        return new Recorded(act.recordedBy(), act.recordTime());
    }
}
