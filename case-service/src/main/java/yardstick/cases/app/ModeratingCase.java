package yardstick.cases.app;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import yardstick.cases.domain.CaseEvent;
import yardstick.cases.domain.CaseProgress;
import yardstick.cases.domain.CaseWork;
import yardstick.cases.domain.Inspection;
import yardstick.cases.domain.RecordedJudgements;
import yardstick.cases.store.FieldworkStore;
import yardstick.cases.store.JudgementStore;
import yardstick.cases.store.SampleStore;
import yardstick.platform.app.Refused;
import yardstick.platform.identity.Caller;

/**
 * A submitted case of the moderation sample read again, in fieldwork, by a second reader on the
 * team who is not the case's own inspector: confirmed, or returned with a reason to its inspector
 * as a draft (its judgements kept as they were submitted, its history kept).
 */
@Singleton
public class ModeratingCase {

    /** The second reader's decision on case {@code reference}, whose judgements they read at {@code etag}. */
    public record Moderate(InspectionName inspection, String reference, String etag, boolean confirmed, String reason) {
    }

    private final InspectionAccess access;
    private final SampleStore samples;
    private final JudgementStore judgements;
    private final FieldworkStore fieldwork;
    private final CaseFile cases;
    private final Clock clock;

    ModeratingCase(InspectionAccess access, SampleStore samples, JudgementStore judgements, FieldworkStore fieldwork, CaseFile cases,
                   Clock clock) {
        this.access = access;
        this.samples = samples;
        this.judgements = judgements;
        this.fieldwork = fieldwork;
        this.cases = cases;
        this.clock = clock;
    }

    @Transactional
    public CaseJudgements moderate(Caller caller, Moderate command) {
        Inspection inspection = access.forTeamWork(caller, command.inspection(), CaseWork.MODERATE_CASES);
        String name = CaseJudgements.name(inspection, command.reference());
        if (!samples.lockSampledCase(inspection.id(), command.reference())) {
            throw SampleAsItStands.notSampled(name);
        }
        CaseProgress progress = cases.progress(inspection, command.reference()).orElseThrow(() -> SampleAsItStands.notSampled(name));
        if (progress.ownInspector(caller.subject())) {
            throw new Refused.NotPermitted("a case's own inspector is never its second reader; another on the team moderates it");
        }
        if (!progress.selectedForModeration()) {
            throw new Refused.RulesBroken("NOT_SELECTED", name, "the case is not in the moderation sample; the lead inspector picks "
                    + "cases for it (PickCasesForModeration)");
        }
        RecordedJudgements current = judgements.load(inspection.id(), command.reference(), true);
        if (!current.submitted()) {
            throw new Refused.RulesBroken("NOT_SUBMITTED", name, "the case's judgements are not submitted; its inspector submits them first");
        }
        if (progress.confirmedBy() != null) {
            throw new Refused.RulesBroken("CONFIRMED", name, "the case's judgements are confirmed already, by " + progress.confirmedBy());
        }
        JudgingCase.requireEtag(current, command.etag(), name);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (command.confirmed()) {
            fieldwork.confirm(inspection.id(), command.reference(), current.version(), caller.subject(), now);
            fieldwork.record(inspection.id(), command.reference(), new CaseEvent(CaseEvent.Type.CONFIRMED, caller.subject(), now, null, null,
                    null));
        } else {
            fieldwork.returnToDraft(inspection.id(), command.reference(), current.version());
            fieldwork.record(inspection.id(), command.reference(), new CaseEvent(CaseEvent.Type.RETURNED, caller.subject(), now,
                    progress.inspector(), null, command.reason()));
        }
        return cases.read(inspection, command.reference());
    }
}
