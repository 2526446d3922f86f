package yardstick.cases.app;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import yardstick.cases.domain.CaseProgress;
import yardstick.cases.domain.Fieldwork;
import yardstick.cases.domain.Inspection;
import yardstick.cases.store.FieldworkStore;
import yardstick.platform.identity.Caller;

/** Each inspector's workload and the moderation sample, for those who may read the inspection's case data. */
@Singleton
public class ReadingFieldwork {

    /** Each inspector's workload, and how many active sampled cases nobody has. */
    public record Workloads(List<Fieldwork.Workload> inspectors, int unassigned) {
    }

    private final InspectionAccess access;
    private final FieldworkStore fieldwork;

    ReadingFieldwork(InspectionAccess access, FieldworkStore fieldwork) {
        this.access = access;
        this.fieldwork = fieldwork;
    }

    @Transactional(readOnly = true)
    public Workloads workloads(Caller caller, InspectionName name) {
        List<CaseProgress> progress = fieldwork.progress(access.forCaseData(caller, name).id());
        return new Workloads(Fieldwork.workloads(progress), Fieldwork.unassigned(progress));
    }

    @Transactional(readOnly = true)
    public ModerationSample moderationSample(Caller caller, InspectionName name) {
        Inspection inspection = access.forCaseData(caller, name);
        return ModerationSample.of(inspection, fieldwork.moderationDraw(inspection.id()), fieldwork.progress(inspection.id()));
    }
}
