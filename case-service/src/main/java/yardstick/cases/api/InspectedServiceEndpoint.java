package yardstick.cases.api;

import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import yardstick.cases.app.BadFields;
import yardstick.cases.app.ReadingServiceRegister;
import yardstick.cases.app.RegisteringService;
import yardstick.cases.app.RenamingService;
import yardstick.cases.domain.FieldProblem;
import yardstick.cases.domain.InspectedService;
import yardstick.cases.v1.CreateInspectedServiceRequest;
import yardstick.cases.v1.CreateInspectedServiceResponse;
import yardstick.cases.v1.FormerName;
import yardstick.cases.v1.GetInspectedServiceRequest;
import yardstick.cases.v1.GetInspectedServiceResponse;
import yardstick.cases.v1.InspectedServiceServiceGrpc;
import yardstick.cases.v1.ListInspectedServicesRequest;
import yardstick.cases.v1.ListInspectedServicesResponse;
import yardstick.cases.v1.RenameInspectedServiceRequest;
import yardstick.cases.v1.RenameInspectedServiceResponse;
import yardstick.platform.grpc.Refusals;
import yardstick.platform.grpc.Times;
import yardstick.platform.identity.Caller;
import yardstick.platform.store.RequestRecords;

/** The register of inspected services over gRPC. */
@Singleton
public class InspectedServiceEndpoint extends InspectedServiceServiceGrpc.InspectedServiceServiceImplBase {

    private final RegisteringService registering;
    private final RenamingService renaming;
    private final ReadingServiceRegister reading;
    private final RequestRecords requests;

    InspectedServiceEndpoint(RegisteringService registering, RenamingService renaming, ReadingServiceRegister reading,
                             RequestRecords requests) {
        this.registering = registering;
        this.renaming = renaming;
        this.reading = reading;
        this.requests = requests;
    }

    @Override
    public void createInspectedService(CreateInspectedServiceRequest request, StreamObserver<CreateInspectedServiceResponse> response) {
        Refusals.answer(response, () -> {
            yardstick.cases.v1.InspectedService given = request.getInspectedService();
            InspectedService.Registration registration = new InspectedService.Registration(request.getInspectedServiceId(),
                    given.getDisplayName(), given.getLocalAuthoritiesList(), given.getRegion());
            List<FieldProblem> problems = new ArrayList<>(registration.problems());
            if (request.getRequestId().isBlank()) {
                problems.add(new FieldProblem("request_id", "is required: a UUID, so that a retry is safe"));
            }
            BadFields.refuse(problems);
            Caller caller = Caller.current();
            return requests.once(request.getRequestId(), "request_id", request, CreateInspectedServiceResponse.parser(),
                    () -> CreateInspectedServiceResponse.newBuilder().setInspectedService(message(registering.register(caller, registration))).build());
        });
    }

    @Override
    public void getInspectedService(GetInspectedServiceRequest request, StreamObserver<GetInspectedServiceResponse> response) {
        Refusals.answer(response, () -> GetInspectedServiceResponse.newBuilder()
                .setInspectedService(message(reading.service(Caller.current(), request.getName()))).build());
    }

    @Override
    public void listInspectedServices(ListInspectedServicesRequest request, StreamObserver<ListInspectedServicesResponse> response) {
        Refusals.answer(response, () -> {
            ReadingServiceRegister.Page page = reading.page(Caller.current(), request.getPageSize(), request.getPageToken());
            ListInspectedServicesResponse.Builder answer = ListInspectedServicesResponse.newBuilder().setNextPageToken(page.nextPageToken());
            page.services().forEach(s -> answer.addInspectedServices(message(s)));
            return answer.build();
        });
    }

    @Override
    public void renameInspectedService(RenameInspectedServiceRequest request, StreamObserver<RenameInspectedServiceResponse> response) {
        Refusals.answer(response, () -> RenameInspectedServiceResponse.newBuilder().setInspectedService(message(renaming.rename(Caller.current(),
                new RenamingService.RenameService(request.getName(), request.getDisplayName(), request.getEtag())))).build());
    }

    private static yardstick.cases.v1.InspectedService message(InspectedService service) {
        yardstick.cases.v1.InspectedService.Builder message = yardstick.cases.v1.InspectedService.newBuilder()
                .setName(service.name())
                .setDisplayName(service.displayName())
                .addAllLocalAuthorities(service.localAuthorities())
                .setRegion(service.region())
                .setEtag(service.etag())
                .setCreateTime(Times.timestamp(service.createTime()))
                .setUpdateTime(Times.timestamp(service.updateTime()));
        service.formerNames().forEach(f -> message.addFormerNames(FormerName.newBuilder().setDisplayName(f.displayName())
                .setUntilTime(Times.timestamp(f.until()))));
        return message.build();
    }
}
