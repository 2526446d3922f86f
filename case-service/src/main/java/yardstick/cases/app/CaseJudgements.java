package yardstick.cases.app;

import yardstick.cases.domain.Inspection;
import yardstick.cases.domain.RecordedJudgements;

/** The judgements on one sampled case, under their name "inspections/{inspection}/cases/{reference}/judgements". */
public record CaseJudgements(String name, RecordedJudgements recorded) {

    static String name(Inspection inspection, String reference) {
        return inspection.name() + "/cases/" + reference + "/judgements";
    }
}
