package yardstick.cases.app;

import jakarta.inject.Singleton;
import java.util.Optional;
import yardstick.cases.domain.CaseWork;
import yardstick.cases.domain.Inspection;
import yardstick.cases.store.InspectionStore;
import yardstick.cases.store.SampleStore;
import yardstick.platform.app.Refused;
import yardstick.platform.identity.Caller;
import yardstick.platform.identity.Role;

/** Who may reach an inspection and its case data, and in which stage: the rules every use case of case-service asks first. */
@Singleton
class InspectionAccess {

    private final InspectionStore store;
    private final SampleStore locks;

    InspectionAccess(InspectionStore store, SampleStore locks) {
        this.store = store;
        this.locks = locks;
    }

    /** The inspection named; refused as not found otherwise. */
    Inspection existing(InspectionName name) {
        return store.find(name.id()).orElseThrow(() -> new Refused.NotFound(name.name()));
    }

    /**
     * The inspection, for reading its case data (population, sample, judgements, tallies): only its
     * team, the ratings panel and the neighbouring services may.
     */
    Inspection forCaseData(Caller caller, InspectionName name) {
        return forCaseDataAsStored(caller, name).inspection();
    }

    /** As {@link #forCaseData}, with where its case data stands as read with it. */
    InspectionStore.Found forCaseDataAsStored(Caller caller, InspectionName name) {
        InspectionStore.Found found = withCaseData(name);
        if (!caller.isService() && !caller.holds(Role.RATINGS_PANEL) && !found.inspection().onTeam(caller.subject())) {
            throw new Refused.NotPermitted("only the inspection's team, the ratings panel and the services may read its case data");
        }
        return found;
    }

    /**
     * The inspection, for {@code work} on its cases by its team (judging, moderating): only the
     * inspectors on its team may, in the stage the work needs. The inspection's row is locked
     * shared, so that its state does not change under the work.
     */
    Inspection forTeamWork(Caller caller, InspectionName name, CaseWork work) {
        Inspection inspection = withCaseData(name, store.findWithPurgeLockedShared(name.id())).inspection();
        if (!inspection.onTeam(caller.subject())) {
            throw new Refused.NotPermitted("only the inspectors on the inspection's team may judge or moderate its cases");
        }
        requireStage(inspection, work);
        return inspection;
    }

    /** The inspection, for running it (its team, population and sample): only its lead inspector may. */
    Inspection forLead(Caller caller, InspectionName name) {
        Inspection inspection = withCaseData(name).inspection();
        if (!inspection.leadInspector().equals(caller.subject())) {
            throw new Refused.NotPermitted("only the inspection's lead inspector may do this");
        }
        return inspection;
    }

    /**
     * The inspection, for {@code work} by its lead inspector, under its row lock (so that its state,
     * population, plan and sample change one at a time), in the stage the work needs.
     */
    Inspection forLead(Caller caller, InspectionName name, CaseWork work) {
        locks.lock(name.id());
        Inspection inspection = forLead(caller, name);
        requireStage(inspection, work);
        return inspection;
    }

    /** Refuses {@code work} outside the stages that allow it, naming the stage it needs. */
    static void requireStage(Inspection inspection, CaseWork work) {
        work.refusal(inspection.state()).ifPresent(why -> {
            throw new Refused.RulesBroken("STATE", inspection.name(), why);
        });
    }

    /** As {@link #existing}, for a call on its case data: refused as PURGED once that data has been purged under the retention. */
    private InspectionStore.Found withCaseData(InspectionName name) {
        return withCaseData(name, store.findWithPurge(name.id()));
    }

    private static InspectionStore.Found withCaseData(InspectionName name, Optional<InspectionStore.Found> read) {
        InspectionStore.Found found = read.orElseThrow(() -> new Refused.NotFound(name.name()));
        Inspection inspection = found.inspection();
        found.casesPurged().ifPresent(purged -> {
            throw new Refused.RulesBroken("PURGED", inspection.name(),
                    "the inspection's case data (eligible population, sample, judgements) was purged at " + purged
                            + ", its retention after closing having passed; its published reports and ratings remain");
        });
        return found;
    }
}
