package yardstick.cases.app;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import yardstick.cases.domain.Inspection;
import yardstick.platform.identity.Caller;

/** The judgements on one sampled case, with its inspector, moderation and history, for those who may read the inspection's case data. */
@Singleton
public class ReadingJudgements {

    private final InspectionAccess access;
    private final SampleAsItStands sample;
    private final CaseFile cases;

    ReadingJudgements(InspectionAccess access, SampleAsItStands sample, CaseFile cases) {
        this.access = access;
        this.sample = sample;
        this.cases = cases;
    }

    /** The judgements on case {@code reference}; refused as not found when it is not in the sample as it stands. */
    @Transactional(readOnly = true)
    public CaseJudgements judgements(Caller caller, InspectionName name, String reference) {
        Inspection inspection = access.forCaseData(caller, name);
        sample.sampledCase(inspection.id(), reference, inspection.name() + "/cases/" + reference);
        return cases.read(inspection, reference);
    }
}
