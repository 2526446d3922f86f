package yardstick.cases.app;

import java.util.List;
import java.util.Optional;
import yardstick.cases.domain.CaseEvent;
import yardstick.cases.domain.CaseProgress;
import yardstick.cases.domain.Inspection;
import yardstick.cases.domain.RecordedJudgements;

/**
 * The judgements on one sampled case, under their name "inspections/{inspection}/cases/{reference}/judgements",
 * with where the case stands in fieldwork (its inspector and moderation) and what happened to it.
 */
public record CaseJudgements(String name, RecordedJudgements recorded, Optional<CaseProgress> progress, List<CaseEvent> history) {

    static String name(Inspection inspection, String reference) {
        return inspection.name() + "/cases/" + reference + "/judgements";
    }
}
