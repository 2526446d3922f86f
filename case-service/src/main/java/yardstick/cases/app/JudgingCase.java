package yardstick.cases.app;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import yardstick.cases.domain.EligibleCase;
import yardstick.cases.domain.FieldProblem;
import yardstick.cases.domain.FrameworkQuestions;
import yardstick.cases.domain.Inspection;
import yardstick.cases.domain.JudgementRules;
import yardstick.cases.domain.KeyQuestionJudgement;
import yardstick.cases.domain.RecordedJudgements;
import yardstick.cases.store.JudgementStore;
import yardstick.cases.store.SampleStore;
import yardstick.platform.app.Refused;
import yardstick.platform.identity.Caller;

/**
 * A sampled case judged by an inspector on the inspection's team: the draft recorded, then
 * submitted, after which it is final. Each step holds the case's row lock and checks the etag.
 */
@Singleton
public class JudgingCase {

    /** The draft judgements on case {@code reference}, and the problems found reading them, if {@code etag} is still theirs. */
    public record RecordDraft(InspectionName inspection, String reference, String etag, List<KeyQuestionJudgement> judgements,
                              List<FieldProblem> problems) {
    }

    /** The judgements on case {@code reference} submitted as they stand, if {@code etag} is still theirs. */
    public record Submit(InspectionName inspection, String reference, String etag) {
    }

    private final InspectionAccess access;
    private final Frameworks frameworks;
    private final SampleAsItStands sample;
    private final SampleStore samples;
    private final JudgementStore judgements;

    JudgingCase(InspectionAccess access, Frameworks frameworks, SampleAsItStands sample, SampleStore samples, JudgementStore judgements) {
        this.access = access;
        this.frameworks = frameworks;
        this.sample = sample;
        this.samples = samples;
        this.judgements = judgements;
    }

    @Transactional
    public CaseJudgements recordDraft(Caller caller, RecordDraft command) {
        Inspection inspection = access.forJudging(caller, command.inspection());
        String name = CaseJudgements.name(inspection, command.reference());
        FrameworkQuestions framework = frameworks.questions(inspection);
        EligibleCase sampled = sample.sampledCase(inspection.id(), command.reference(), name);
        List<FieldProblem> problems = new ArrayList<>(command.problems());
        problems.addAll(JudgementRules.draftProblems(framework, sampled, command.judgements()));
        BadFields.refuse(problems);
        RecordedJudgements current = lockedCurrent(inspection, command.reference(), command.etag(), name);
        judgements.save(inspection.id(), command.reference(), current.version(), command.judgements(), caller.subject(), now());
        return new CaseJudgements(name, judgements.load(inspection.id(), command.reference(), false));
    }

    @Transactional
    public CaseJudgements submit(Caller caller, Submit command) {
        Inspection inspection = access.forJudging(caller, command.inspection());
        String name = CaseJudgements.name(inspection, command.reference());
        FrameworkQuestions framework = frameworks.questions(inspection);
        RecordedJudgements current = lockedCurrent(inspection, command.reference(), command.etag(), name);
        EligibleCase sampled = sample.sampledCase(inspection.id(), command.reference(), name);
        BadFields.refuse(JudgementRules.submissionProblems(framework, sampled, current.judgements()));
        judgements.submit(inspection.id(), command.reference(), current.version(), caller.subject(), now());
        return new CaseJudgements(name, judgements.load(inspection.id(), command.reference(), false));
    }

    /** The case's judgements under its row lock, refused once submitted or when the etag is stale. */
    private RecordedJudgements lockedCurrent(Inspection inspection, String reference, String etag, String name) {
        if (!samples.lockSampledCase(inspection.id(), reference)) {
            throw SampleAsItStands.notSampled(name);
        }
        RecordedJudgements current = judgements.load(inspection.id(), reference, true);
        if (current.submitted()) {
            throw new Refused.RulesBroken("SUBMITTED", "judgements", name + " is submitted; submitted judgements are final");
        }
        if (!current.etag().equals(etag)) {
            throw new Refused.RulesBroken("ETAG", "judgements", name + " changed since it was read (its etag is now "
                    + (current.etag().isEmpty() ? "empty: nothing recorded yet" : current.etag()) + "); read it again and reapply the change");
        }
        return current;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
