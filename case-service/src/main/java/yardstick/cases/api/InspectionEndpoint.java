package yardstick.cases.api;

import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import yardstick.cases.app.BadFields;
import yardstick.cases.app.ChangingInspection;
import yardstick.cases.app.OpeningInspection;
import yardstick.cases.app.PurgingExpiredCaseData;
import yardstick.cases.app.ReadingInspections;
import yardstick.cases.app.ReadingServiceRegister;
import yardstick.cases.domain.FieldProblem;
import yardstick.cases.domain.Inspection;
import yardstick.cases.v1.CreateInspectionRequest;
import yardstick.cases.v1.CreateInspectionResponse;
import yardstick.cases.v1.GetInspectionRequest;
import yardstick.cases.v1.GetInspectionResponse;
import yardstick.cases.v1.InspectionServiceGrpc;
import yardstick.cases.v1.ListInspectionsRequest;
import yardstick.cases.v1.ListInspectionsResponse;
import yardstick.cases.v1.PurgeExpiredCaseDataRequest;
import yardstick.cases.v1.PurgeExpiredCaseDataResponse;
import yardstick.cases.v1.PurgedInspection;
import yardstick.cases.v1.UpdateInspectionRequest;
import yardstick.cases.v1.UpdateInspectionResponse;
import yardstick.platform.grpc.Refusals;
import yardstick.platform.grpc.Times;
import yardstick.platform.identity.Caller;
import yardstick.platform.store.NeighboursAskedOnce;
import yardstick.platform.store.RequestRecords;

@Singleton
public class InspectionEndpoint extends InspectionServiceGrpc.InspectionServiceImplBase {

    private static final Set<String> UPDATABLE = Set.of(
            "inspected_service", "fieldwork_start", "fieldwork_end", "framework", "team", "state");

    private final OpeningInspection opening;
    private final ReadingInspections reading;
    private final ChangingInspection changing;
    private final PurgingExpiredCaseData purging;
    private final RequestRecords requests;
    private final ReadingServiceRegister register;

    InspectionEndpoint(OpeningInspection opening, ReadingInspections reading, ChangingInspection changing, PurgingExpiredCaseData purging,
                       RequestRecords requests, ReadingServiceRegister register) {
        this.register = register;
        this.opening = opening;
        this.reading = reading;
        this.changing = changing;
        this.purging = purging;
        this.requests = requests;
    }

    @Override
    public void createInspection(CreateInspectionRequest request, StreamObserver<CreateInspectionResponse> response) {
        Refusals.answer(response, () -> {
            Inspection.Details details = InspectionMessages.details(request.getInspection());
            List<FieldProblem> problems = new ArrayList<>(details.problems("inspection."));
            if (request.getRequestId().isBlank()) {
                problems.add(new FieldProblem("request_id", "is required: a UUID, so that a retry is safe"));
            }
            BadFields.refuse(problems);
            // A retry is answered before rating-service is asked again: the first answer stands even while it is down.
            OpeningInspection.OpenInspection command = new OpeningInspection.OpenInspection(details);
            Caller caller = Caller.current();
            return NeighboursAskedOnce.answer(requests, request.getRequestId(), request, CreateInspectionResponse.parser(),
                    () -> {
                        opening.check(command);
                        return command;
                    },
                    checked -> CreateInspectionResponse.newBuilder().setInspection(message(opening.open(caller, checked))).build());
        });
    }

    @Override
    public void getInspection(GetInspectionRequest request, StreamObserver<GetInspectionResponse> response) {
        Refusals.answer(response, () -> GetInspectionResponse.newBuilder().setInspection(message(
                reading.inspection(Caller.current(), Inspections.name(request.getName(), "name")))).build());
    }

    @Override
    public void listInspections(ListInspectionsRequest request, StreamObserver<ListInspectionsResponse> response) {
        Refusals.answer(response, () -> {
            ReadingInspections.Page page = reading.page(Caller.current(),
                    new ReadingInspections.ListInspections(request.getPageSize(), request.getPageToken()));
            ListInspectionsResponse.Builder answer = ListInspectionsResponse.newBuilder().setNextPageToken(page.nextPageToken());
            java.util.Map<String, String> names = register.displayNames(page.inspections().stream().map(Inspection::inspectedService).toList());
            page.inspections().forEach(i -> answer.addInspections(InspectionMessages.inspection(i, names)));
            return answer.build();
        });
    }

    @Override
    public void updateInspection(UpdateInspectionRequest request, StreamObserver<UpdateInspectionResponse> response) {
        Refusals.answer(response, () -> {
            yardstick.cases.v1.Inspection changes = request.getInspection();
            List<FieldProblem> problems = new ArrayList<>();
            if (request.getUpdateMask().getPathsCount() == 0) {
                problems.add(new FieldProblem("update_mask", "names no field; give the fields to update, e.g. state"));
            }
            request.getUpdateMask().getPathsList().stream().filter(p -> !UPDATABLE.contains(p)).forEach(p ->
                    problems.add(new FieldProblem("update_mask", "'" + p + "' cannot be updated; these can: " + String.join(", ", UPDATABLE))));
            if (changes.getEtag().isBlank()) {
                problems.add(new FieldProblem("inspection.etag", "is required: the etag of the inspection as last read"));
            }
            BadFields.refuse(problems);
            Caller caller = Caller.current();
            ChangingInspection.ChangeInspection command = new ChangingInspection.ChangeInspection(
                    Inspections.name(changes.getName(), "inspection.name"), changes.getEtag(), Set.copyOf(request.getUpdateMask().getPathsList()),
                    InspectionMessages.details(changes), InspectionMessages.state(changes.getState()));
            return Retries.once(requests, request.getRequestId(), request, UpdateInspectionResponse.parser(), () ->
                    UpdateInspectionResponse.newBuilder().setInspection(message(changing.change(caller, command))).build());
        });
    }

    @Override
    public void purgeExpiredCaseData(PurgeExpiredCaseDataRequest request, StreamObserver<PurgeExpiredCaseDataResponse> response) {
        PurgeExpiredCaseDataResponse.Builder answer = PurgeExpiredCaseDataResponse.newBuilder();
        for (yardstick.cases.domain.PurgedInspection purged : purging.purge(Caller.current().subject())) {
            answer.addPurgedInspections(PurgedInspection.newBuilder()
                    .setName(purged.name())
                    .setCloseTime(Times.timestamp(purged.closeTime()))
                    .setPurgeTime(Times.timestamp(purged.purgeTime()))
                    .setEligibleCases(purged.eligibleCases())
                    .setSampledCases(purged.sampledCases())
                    .setCaseJudgements(purged.caseJudgements()));
        }
        response.onNext(answer.build());
        response.onCompleted();
    }

    /** The inspection as answered, with what its service is called now. */
    private yardstick.cases.v1.Inspection message(Inspection inspection) {
        return InspectionMessages.inspection(inspection, register.displayNames(java.util.List.of(inspection.inspectedService())));
    }
}
