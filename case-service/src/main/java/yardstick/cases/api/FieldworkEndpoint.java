package yardstick.cases.api;

import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import yardstick.cases.app.AssigningCases;
import yardstick.cases.app.BadFields;
import yardstick.cases.app.InspectionName;
import yardstick.cases.app.ModeratingCase;
import yardstick.cases.app.ReadingFieldwork;
import yardstick.cases.app.SelectingForModeration;
import yardstick.cases.domain.CaseProgress;
import yardstick.cases.domain.FieldProblem;
import yardstick.cases.domain.Fieldwork;
import yardstick.cases.v1.AssignCasesRequest;
import yardstick.cases.v1.AssignCasesResponse;
import yardstick.cases.v1.DrawModerationSampleRequest;
import yardstick.cases.v1.DrawModerationSampleResponse;
import yardstick.cases.v1.FieldworkServiceGrpc;
import yardstick.cases.v1.GetModerationSampleRequest;
import yardstick.cases.v1.GetModerationSampleResponse;
import yardstick.cases.v1.GetWorkloadRequest;
import yardstick.cases.v1.GetWorkloadResponse;
import yardstick.cases.v1.InspectorWorkload;
import yardstick.cases.v1.ModerateCaseRequest;
import yardstick.cases.v1.ModerateCaseResponse;
import yardstick.cases.v1.ModeratedCase;
import yardstick.cases.v1.ModerationOutcome;
import yardstick.cases.v1.ModerationSample;
import yardstick.cases.v1.PickCasesForModerationRequest;
import yardstick.cases.v1.PickCasesForModerationResponse;
import yardstick.platform.grpc.Refusals;
import yardstick.platform.identity.Caller;
import yardstick.platform.store.RequestRecords;

@Singleton
public class FieldworkEndpoint extends FieldworkServiceGrpc.FieldworkServiceImplBase {

    private final AssigningCases assigning;
    private final SelectingForModeration selecting;
    private final ModeratingCase moderating;
    private final ReadingFieldwork reading;
    private final RequestRecords requests;

    FieldworkEndpoint(AssigningCases assigning, SelectingForModeration selecting, ModeratingCase moderating, ReadingFieldwork reading,
                      RequestRecords requests) {
        this.assigning = assigning;
        this.selecting = selecting;
        this.moderating = moderating;
        this.reading = reading;
        this.requests = requests;
    }

    @Override
    public void assignCases(AssignCasesRequest request, StreamObserver<AssignCasesResponse> response) {
        Refusals.answer(response, () -> {
            InspectionName inspection = Inspections.name(request.getInspection(), "inspection");
            List<FieldProblem> problems = requestIdProblems(request.getRequestId());
            if (request.getInspector().isBlank()) {
                problems.add(new FieldProblem("inspector", "is required: the subject of an inspector on the team"));
            }
            BadFields.refuse(problems);
            Caller caller = Caller.current();
            AssigningCases.AssignCases command = new AssigningCases.AssignCases(inspection, request.getInspector(), request.getReferencesList());
            return requests.once(request.getRequestId(), "request_id", request, AssignCasesResponse.parser(), () -> {
                AssignCasesResponse.Builder answer = AssignCasesResponse.newBuilder();
                assigning.assign(caller, command).forEach(c -> answer.addCases(SamplingEndpoint.sampledCase(c)));
                return answer.build();
            });
        });
    }

    @Override
    public void getWorkload(GetWorkloadRequest request, StreamObserver<GetWorkloadResponse> response) {
        Refusals.answer(response, () -> {
            ReadingFieldwork.Workloads workloads = reading.workloads(Caller.current(), Inspections.name(request.getInspection(), "inspection"));
            GetWorkloadResponse.Builder answer = GetWorkloadResponse.newBuilder().setUnassigned(workloads.unassigned());
            for (Fieldwork.Workload workload : workloads.inspectors()) {
                answer.addInspectors(InspectorWorkload.newBuilder().setInspector(workload.inspector()).setAssigned(workload.assigned())
                        .setNotStarted(workload.notStarted()).setInDraft(workload.inDraft()).setSubmitted(workload.submitted())
                        .setReturned(workload.returned()));
            }
            return answer.build();
        });
    }

    @Override
    public void pickCasesForModeration(PickCasesForModerationRequest request, StreamObserver<PickCasesForModerationResponse> response) {
        Refusals.answer(response, () -> {
            InspectionName inspection = Inspections.name(request.getInspection(), "inspection");
            BadFields.refuse(requestIdProblems(request.getRequestId()));
            Caller caller = Caller.current();
            SelectingForModeration.PickCases command = new SelectingForModeration.PickCases(inspection, request.getReferencesList());
            return requests.once(request.getRequestId(), "request_id", request, PickCasesForModerationResponse.parser(), () ->
                    PickCasesForModerationResponse.newBuilder().setModerationSample(sample(selecting.pick(caller, command))).build());
        });
    }

    @Override
    public void drawModerationSample(DrawModerationSampleRequest request, StreamObserver<DrawModerationSampleResponse> response) {
        Refusals.answer(response, () -> {
            InspectionName inspection = Inspections.name(request.getInspection(), "inspection");
            BadFields.refuse(requestIdProblems(request.getRequestId()));
            Caller caller = Caller.current();
            SelectingForModeration.DrawShare command = new SelectingForModeration.DrawShare(inspection, request.getShare(), request.getSeed());
            return requests.once(request.getRequestId(), "request_id", request, DrawModerationSampleResponse.parser(), () ->
                    DrawModerationSampleResponse.newBuilder().setModerationSample(sample(selecting.draw(caller, command))).build());
        });
    }

    @Override
    public void getModerationSample(GetModerationSampleRequest request, StreamObserver<GetModerationSampleResponse> response) {
        Refusals.answer(response, () -> GetModerationSampleResponse.newBuilder().setModerationSample(sample(
                reading.moderationSample(Caller.current(), Inspections.name(request.getInspection(), "inspection")))).build());
    }

    @Override
    public void moderateCase(ModerateCaseRequest request, StreamObserver<ModerateCaseResponse> response) {
        Refusals.answer(response, () -> {
            JudgementEndpoint.CaseName name = JudgementEndpoint.parse(request.getName(), "name");
            List<FieldProblem> problems = requestIdProblems(request.getRequestId());
            if (request.getOutcome() != ModerationOutcome.MODERATION_OUTCOME_CONFIRMED
                    && request.getOutcome() != ModerationOutcome.MODERATION_OUTCOME_RETURNED) {
                problems.add(new FieldProblem("outcome", "is required: CONFIRMED or RETURNED"));
            }
            if (request.getOutcome() == ModerationOutcome.MODERATION_OUTCOME_RETURNED && request.getReason().isBlank()) {
                problems.add(new FieldProblem("reason", "is required when returning a case: what its inspector is to look at again"));
            }
            if (request.getReason().length() > 2000) {
                problems.add(new FieldProblem("reason", "must be at most 2,000 characters"));
            }
            BadFields.refuse(problems);
            Caller caller = Caller.current();
            ModeratingCase.Moderate command = new ModeratingCase.Moderate(name.inspection(), name.reference(), request.getEtag(),
                    request.getOutcome() == ModerationOutcome.MODERATION_OUTCOME_CONFIRMED, request.getReason().strip());
            return requests.once(request.getRequestId(), "request_id", request, ModerateCaseResponse.parser(), () ->
                    ModerateCaseResponse.newBuilder().setJudgements(JudgementEndpoint.message(moderating.moderate(caller, command))).build());
        });
    }

    private static List<FieldProblem> requestIdProblems(String requestId) {
        List<FieldProblem> problems = new ArrayList<>();
        if (requestId.isBlank()) {
            problems.add(new FieldProblem("request_id", "is required: a UUID, so that a retry is safe"));
        }
        return problems;
    }

    private static ModerationSample sample(yardstick.cases.app.ModerationSample sample) {
        ModerationSample.Builder message = ModerationSample.newBuilder().setInspection(sample.inspection().name());
        sample.draw().ifPresent(draw -> message.setDrawn(true).setShare(draw.share()).setSeed(draw.seed()));
        for (CaseProgress progress : sample.cases()) {
            ModeratedCase.Builder moderated = ModeratedCase.newBuilder().setReference(progress.reference())
                    .setModeration(JudgementEndpoint.moderation(progress));
            if (progress.inspector() != null) {
                moderated.setInspector(progress.inspector());
            }
            message.addCases(moderated);
        }
        return message.build();
    }
}
