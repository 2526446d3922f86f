package yardstick.suite;

import com.google.protobuf.FieldMask;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import yardstick.cases.v1.AssignCasesRequest;
import yardstick.cases.v1.CaseJudgements;
import yardstick.cases.v1.CategorySettings;
import yardstick.cases.v1.DrawModerationSampleRequest;
import yardstick.cases.v1.DrawSampleRequest;
import yardstick.cases.v1.EligibleCase;
import yardstick.cases.v1.FieldworkServiceGrpc;
import yardstick.cases.v1.GetCaseJudgementsRequest;
import yardstick.cases.v1.GetInspectionRequest;
import yardstick.cases.v1.GetSampleRequest;
import yardstick.cases.v1.Inspection;
import yardstick.cases.v1.InspectionServiceGrpc;
import yardstick.cases.v1.InspectionState;
import yardstick.cases.v1.JudgementServiceGrpc;
import yardstick.cases.v1.ModerateCaseRequest;
import yardstick.cases.v1.ModeratedCase;
import yardstick.cases.v1.ModerationOutcome;
import yardstick.cases.v1.ModerationSample;
import yardstick.cases.v1.ModerationStatus;
import yardstick.cases.v1.PlanSampleRequest;
import yardstick.cases.v1.Sample;
import yardstick.cases.v1.SampledCase;
import yardstick.cases.v1.SamplingServiceGrpc;
import yardstick.cases.v1.UpdateInspectionRequest;

/**
 * An inspection moved through its stages as its lead inspector moves it (the suite's one copy of
 * the walk, for the benchmarks and the process tests): into sampling to import, plan and draw; the
 * sampled cases assigned and into fieldwork; the moderation sample drawn and confirmed by a second
 * reader and into rating; closed. Every call signs in as the lead, unless noted.
 */
public final class InspectionStages {

    private final ManagedChannel cases;
    private final CallCredentials lead;

    public InspectionStages(ManagedChannel cases, CallCredentials lead) {
        this.cases = cases;
        this.lead = lead;
    }

    private InspectionServiceGrpc.InspectionServiceBlockingStub inspections() {
        return InspectionServiceGrpc.newBlockingStub(cases).withDeadlineAfter(30, TimeUnit.SECONDS).withCallCredentials(lead);
    }

    private SamplingServiceGrpc.SamplingServiceBlockingStub sampling() {
        return SamplingServiceGrpc.newBlockingStub(cases).withDeadlineAfter(2, TimeUnit.MINUTES).withCallCredentials(lead);
    }

    private FieldworkServiceGrpc.FieldworkServiceBlockingStub fieldwork(CallCredentials as) {
        return FieldworkServiceGrpc.newBlockingStub(cases).withDeadlineAfter(30, TimeUnit.SECONDS).withCallCredentials(as);
    }

    public Inspection inspection(String inspection) {
        return inspections().getInspection(GetInspectionRequest.newBuilder().setName(inspection).build()).getInspection();
    }

    /** Moves the inspection forward one stage at a time until it is in {@code state}. */
    public Inspection moveTo(String inspection, InspectionState state) {
        Inspection current = inspection(inspection);
        while (current.getState().getNumber() < state.getNumber()) {
            current = inspections().updateInspection(UpdateInspectionRequest.newBuilder()
                    .setInspection(Inspection.newBuilder().setName(inspection).setEtag(current.getEtag())
                            .setState(InspectionState.forNumber(current.getState().getNumber() + 1)))
                    .setUpdateMask(FieldMask.newBuilder().addPaths("state")).build()).getInspection();
        }
        return current;
    }

    /** Adds {@code members} to the inspection's team, those not on it already. */
    public Inspection joinTeam(String inspection, String... members) {
        Inspection current = inspection(inspection);
        Set<String> team = new LinkedHashSet<>(current.getTeamList());
        team.addAll(List.of(members));
        if (team.size() == current.getTeamCount()) {
            return current;
        }
        return inspections().updateInspection(UpdateInspectionRequest.newBuilder()
                .setInspection(Inspection.newBuilder().setName(inspection).setEtag(current.getEtag()).addAllTeam(team))
                .setUpdateMask(FieldMask.newBuilder().addPaths("team")).build()).getInspection();
    }

    /** Into sampling, then the population imported, the sample planned (the settings given, or the defaults) and drawn with {@code seed}. */
    public Sample sampled(String inspection, List<EligibleCase> population, long seed, List<CategorySettings> settings) throws Exception {
        moveTo(inspection, InspectionState.INSPECTION_STATE_SAMPLING);
        PopulationUpload.upload(cases, lead, inspection, population, 500, java.time.Duration.ofMinutes(5));
        sampling().planSample(PlanSampleRequest.newBuilder().setInspection(inspection).addAllSettings(settings).build());
        return sampling().drawSample(DrawSampleRequest.newBuilder().setInspection(inspection).setSeed(seed)
                .setRequestId(UUID.randomUUID().toString()).build()).getSample();
    }

    /** The references of the sample's active cases, in the sample's order. */
    public List<String> activeCases(String inspection) {
        List<String> active = new ArrayList<>();
        for (var category : sampling().getSample(GetSampleRequest.newBuilder().setInspection(inspection).build()).getSample().getCategoriesList()) {
            category.getCasesList().stream().filter(SampledCase::getActive).forEach(c -> active.add(c.getReference()));
        }
        return active;
    }

    public void assign(String inspection, String inspector, Collection<String> references) {
        fieldwork(lead).assignCases(AssignCasesRequest.newBuilder().setInspection(inspection).setInspector(inspector)
                .addAllReferences(references).setRequestId(UUID.randomUUID().toString()).build());
    }

    /** Every active sampled case assigned to {@code inspector} (on the team, or the lead), and into fieldwork. */
    public void startFieldwork(String inspection, String inspector) {
        assign(inspection, inspector, activeCases(inspection));
        moveTo(inspection, InspectionState.INSPECTION_STATE_FIELDWORK);
    }

    /** The moderation sample's random share drawn (the default share) with {@code seed}. */
    public ModerationSample drawModerationSample(String inspection, long seed) {
        return fieldwork(lead).drawModerationSample(DrawModerationSampleRequest.newBuilder().setInspection(inspection).setSeed(seed)
                .setRequestId(UUID.randomUUID().toString()).build()).getModerationSample();
    }

    /** Every submitted case of the moderation sample awaiting its second reader confirmed by {@code reader}. */
    public void confirmModeration(String inspection, ModerationSample sample, CallCredentials reader) {
        for (ModeratedCase moderated : sample.getCasesList()) {
            if (moderated.getModeration().getStatus() != ModerationStatus.MODERATION_STATUS_AWAITING_READER) {
                continue;
            }
            String name = inspection + "/cases/" + moderated.getReference() + "/judgements";
            CaseJudgements read = JudgementServiceGrpc.newBlockingStub(cases).withDeadlineAfter(30, TimeUnit.SECONDS).withCallCredentials(reader)
                    .getCaseJudgements(GetCaseJudgementsRequest.newBuilder().setName(name).build()).getJudgements();
            fieldwork(reader).moderateCase(ModerateCaseRequest.newBuilder().setName(name).setEtag(read.getEtag())
                    .setOutcome(ModerationOutcome.MODERATION_OUTCOME_CONFIRMED).setRequestId(UUID.randomUUID().toString()).build());
        }
    }

    /**
     * Fieldwork finished once every case is submitted: the moderation sample drawn with {@code seed},
     * each of its cases confirmed by {@code reader} (on the team, not the cases' inspector), and into rating.
     */
    public void finishFieldwork(String inspection, long seed, CallCredentials reader) {
        confirmModeration(inspection, drawModerationSample(inspection, seed), reader);
        moveTo(inspection, InspectionState.INSPECTION_STATE_RATING);
    }
}
