package yardstick.cases.app;

import jakarta.inject.Singleton;
import java.util.Optional;
import yardstick.cases.domain.CaseProgress;
import yardstick.cases.domain.Inspection;
import yardstick.cases.domain.RecordedJudgements;
import yardstick.cases.store.FieldworkStore;
import yardstick.cases.store.JudgementStore;

/** A sampled case's judgements as the judging, moderating and reading use cases answer them, in their transaction. */
@Singleton
class CaseFile {

    private final JudgementStore judgements;
    private final FieldworkStore fieldwork;

    CaseFile(JudgementStore judgements, FieldworkStore fieldwork) {
        this.judgements = judgements;
        this.fieldwork = fieldwork;
    }

    /** Where the active sampled case stands in fieldwork; empty when it is not in the sample as it stands. */
    Optional<CaseProgress> progress(Inspection inspection, String reference) {
        return fieldwork.progress(inspection.id(), reference);
    }

    /** The case's judgements with these, just recorded in this transaction, and where it stands after them. */
    CaseJudgements withRecorded(Inspection inspection, String reference, RecordedJudgements recorded, CaseProgress progress) {
        return new CaseJudgements(CaseJudgements.name(inspection, reference), recorded, Optional.of(progress),
                fieldwork.history(inspection.id(), reference));
    }

    CaseJudgements read(Inspection inspection, String reference) {
        return new CaseJudgements(CaseJudgements.name(inspection, reference), judgements.load(inspection.id(), reference, false),
                progress(inspection, reference), fieldwork.history(inspection.id(), reference));
    }
}
