package yardstick.cases.app;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import yardstick.cases.domain.Inspection;
import yardstick.cases.domain.SamplePlanning;
import yardstick.cases.store.PopulationStore;
import yardstick.cases.store.SampleStore;
import yardstick.platform.app.Refused;
import yardstick.platform.identity.Caller;

/** An inspection's sample plan and its sample as it stands, for those who may read its case data. */
@Singleton
public class ReadingSample {

    private final InspectionAccess access;
    private final SampleAsItStands sample;
    private final SampleStore samples;
    private final PopulationStore populations;

    ReadingSample(InspectionAccess access, SampleAsItStands sample, SampleStore samples, PopulationStore populations) {
        this.access = access;
        this.sample = sample;
        this.samples = samples;
        this.populations = populations;
    }

    /** The plan, over the population as it is now; refused as not found before the sample is planned. */
    @Transactional(readOnly = true)
    public PlannedSample plan(Caller caller, InspectionName name) {
        Inspection inspection = access.forCaseData(caller, name);
        return samples.settings(inspection.id())
                .map(settings -> new PlannedSample(inspection,
                        SamplePlanning.plan(populations.load(inspection.id()), inspection.fieldworkStart(), settings)))
                .orElseThrow(() -> new Refused.NotFound(inspection.name() + "'s sample plan"));
    }

    /** The sample as it stands; refused as not found before it is drawn. */
    @Transactional(readOnly = true)
    public InspectionSample sample(Caller caller, InspectionName name) {
        Inspection inspection = access.forCaseData(caller, name);
        List<CategorySample> drawn = sample.of(inspection.id(), inspection.fieldworkStart());
        if (drawn.isEmpty()) {
            throw new Refused.NotFound(inspection.name() + "'s sample");
        }
        return new InspectionSample(inspection, drawn);
    }
}
