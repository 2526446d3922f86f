package yardstick.cases.app;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import yardstick.cases.domain.CaseEvent;
import yardstick.cases.domain.CaseProgress;
import yardstick.cases.domain.CaseWork;
import yardstick.cases.domain.EligibleCase;
import yardstick.cases.domain.FieldProblem;
import yardstick.cases.domain.FrameworkQuestions;
import yardstick.cases.domain.Inspection;
import yardstick.cases.domain.JudgementRules;
import yardstick.cases.domain.KeyQuestionJudgement;
import yardstick.cases.domain.RecordedJudgements;
import yardstick.cases.store.FieldworkStore;
import yardstick.cases.store.JudgementStore;
import yardstick.cases.store.SampleStore;
import yardstick.platform.app.Refused;
import yardstick.platform.identity.Caller;

/**
 * A sampled case judged in fieldwork by the inspector it is assigned to: the draft recorded, then
 * submitted, after which it is final unless its second reader returns it. Nobody judges a case not
 * assigned to them, the lead inspector included (the lead may assign a case to themselves): every
 * judgement has its inspector on record. Each step holds the case's row lock and checks the etag.
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
    private final FieldworkStore fieldwork;
    private final CaseFile cases;
    private final Clock clock;

    JudgingCase(InspectionAccess access, Frameworks frameworks, SampleAsItStands sample, SampleStore samples, JudgementStore judgements,
                FieldworkStore fieldwork, CaseFile cases, Clock clock) {
        this.access = access;
        this.frameworks = frameworks;
        this.sample = sample;
        this.samples = samples;
        this.judgements = judgements;
        this.fieldwork = fieldwork;
        this.cases = cases;
        this.clock = clock;
    }

    @Transactional
    public CaseJudgements recordDraft(Caller caller, RecordDraft command) {
        Inspection inspection = access.forTeamWork(caller, command.inspection(), CaseWork.JUDGE_CASES);
        String name = CaseJudgements.name(inspection, command.reference());
        lock(inspection, command.reference(), name);
        CaseProgress progress = requireAssigned(caller, inspection, command.reference(), name);
        FrameworkQuestions framework = frameworks.questions(inspection);
        EligibleCase sampled = sample.sampledCase(inspection.id(), command.reference(), name);
        List<FieldProblem> problems = new ArrayList<>(command.problems());
        problems.addAll(JudgementRules.draftProblems(framework, sampled, command.judgements()));
        BadFields.refuse(problems);
        RecordedJudgements current = current(inspection, command.reference(), command.etag(), name);
        RecordedJudgements drafted = current.drafted(command.judgements(), caller.subject(), now());
        judgements.save(inspection.id(), command.reference(), current, drafted);
        // Read back only what a draft leaves as it was: the case's history.
        return cases.withRecorded(inspection, command.reference(), drafted, progress.drafted());
    }

    @Transactional
    public CaseJudgements submit(Caller caller, Submit command) {
        Inspection inspection = access.forTeamWork(caller, command.inspection(), CaseWork.JUDGE_CASES);
        String name = CaseJudgements.name(inspection, command.reference());
        lock(inspection, command.reference(), name);
        requireAssigned(caller, inspection, command.reference(), name);
        FrameworkQuestions framework = frameworks.questions(inspection);
        RecordedJudgements current = current(inspection, command.reference(), command.etag(), name);
        EligibleCase sampled = sample.sampledCase(inspection.id(), command.reference(), name);
        BadFields.refuse(JudgementRules.submissionProblems(framework, sampled, current.judgements()));
        Instant now = now();
        judgements.submit(inspection.id(), command.reference(), current.version(), caller.subject(), now);
        fieldwork.record(inspection.id(), command.reference(), new CaseEvent(CaseEvent.Type.SUBMITTED, caller.subject(), now, null, null, null));
        return cases.read(inspection, command.reference());
    }

    /** Takes the sampled case's row lock, held to the end of the transaction: its assignment cannot change under the step. */
    private void lock(Inspection inspection, String reference, String name) {
        if (!samples.lockSampledCase(inspection.id(), reference)) {
            throw SampleAsItStands.notSampled(name);
        }
    }

    /** Where the case stands; refuses anyone but the inspector it is assigned to. */
    private CaseProgress requireAssigned(Caller caller, Inspection inspection, String reference, String name) {
        CaseProgress progress = cases.progress(inspection, reference).orElseThrow(() -> SampleAsItStands.notSampled(name));
        if (!caller.subject().equals(progress.inspector())) {
            throw new Refused.NotPermitted(progress.inspector() == null
                    ? "the case is assigned to nobody yet; the lead inspector assigns it (AssignCases) to the inspector who judges it"
                    : "the case is assigned to another inspector; only they judge it, unless the lead inspector reassigns it");
        }
        return progress;
    }

    /** The case's judgements (under its lock), refused once submitted or when the etag is stale. */
    private RecordedJudgements current(Inspection inspection, String reference, String etag, String name) {
        RecordedJudgements current = judgements.load(inspection.id(), reference, true);
        if (current.submitted()) {
            throw new Refused.RulesBroken("SUBMITTED", "judgements", name + " is submitted; submitted judgements are final "
                    + "unless the case's second reader returns them");
        }
        requireEtag(current, etag, name);
        return current;
    }

    /** Refuses a stale etag (AIP-154). */
    static void requireEtag(RecordedJudgements current, String etag, String name) {
        if (!current.etag().equals(etag)) {
            throw new Refused.RulesBroken("ETAG", "judgements", name + " changed since it was read (its etag is now "
                    + (current.etag().isEmpty() ? "empty: nothing recorded yet" : current.etag()) + "); read it again and reapply the change");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
