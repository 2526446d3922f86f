package yardstick.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.FieldMask;
import com.google.rpc.BadRequest;
import com.google.rpc.PreconditionFailure;
import com.google.type.Date;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import yardstick.cases.v1.CreateInspectionRequest;
import yardstick.cases.v1.GetInspectionRequest;
import yardstick.cases.v1.Inspection;
import yardstick.cases.v1.InspectionServiceGrpc;
import yardstick.cases.v1.InspectionState;
import yardstick.cases.v1.ListInspectionsRequest;
import yardstick.cases.v1.ListInspectionsResponse;
import yardstick.cases.v1.UpdateInspectionRequest;

/** Inspections in case-service, over real gRPC, with real PostgreSQL, checked against a real rating-service. */
class InspectionsIT {

    private static RunningServices services;
    private static ManagedChannel channel;
    private static InspectionServiceGrpc.InspectionServiceBlockingStub inspections;

    @BeforeAll
    static void start() throws Exception {
        services = RunningServices.start("inspections", Service.RATINGS, Service.CASES);
        channel = services.channel(Service.CASES);
        inspections = InspectionServiceGrpc.newBlockingStub(channel);
        CallCredentials administrator = ProcessTestSupport.signIns().as(SignIns.ADMINISTRATOR);
        kent = InspectedServices.registered(channel, administrator, InspectedServices.KENT);
        medway = InspectedServices.registered(channel, administrator, new InspectedServices.Registration("medway",
                "Medway Youth Justice Service", List.of("Medway Council"), "South East"));
    }

    private static String kent;
    private static String medway;

    @AfterAll
    static void stop() throws Exception {
        channel.shutdownNow();
        services.close();
    }

    @Test
    void anInspectionIsOpenedInPlanningAndReadBack() {
        Inspection created = create(kent(), UUID.randomUUID().toString());
        assertTrue(created.getName().startsWith("inspections/"));
        assertEquals(InspectionState.INSPECTION_STATE_PLANNING, created.getState());
        assertEquals(kent, created.getInspectedService());
        assertEquals("Kent Youth Justice Service", created.getServiceInspected(), "the register's name of the service");
        assertEquals(created, stub().getInspection(GetInspectionRequest.newBuilder().setName(created.getName()).build()).getInspection());
    }

    @Test
    void aRetriedCreateWithTheSameRequestIdReturnsTheSameInspectionNotASecondOne() {
        String requestId = UUID.randomUUID().toString();
        Inspection.Builder draft = kent().setFieldworkEnd(Date.newBuilder().setYear(2021).setMonth(6).setDay(24));
        int before = all().size();
        Inspection first = create(draft, requestId);
        Inspection retried = create(draft, requestId);
        assertEquals(first, retried);
        assertEquals(before + 1, all().size(), "one inspection opened, not two");

        assertBadRequest(() -> create(kent().setInspectedService(medway), requestId), "request_id");
    }

    @Test
    void badInputNamesEveryBadField() {
        Inspection.Builder bad = Inspection.newBuilder()
                .setFieldworkStart(Date.newBuilder().setYear(2021).setMonth(2).setDay(30))
                .addTeam("Jane Smith");
        BadRequest details = assertBadRequest(() -> create(bad, ""),
                "inspection.inspected_service", "inspection.fieldwork_start", "inspection.fieldwork_end",
                "inspection.framework", "inspection.team[0]", "request_id");
        assertTrue(details.getFieldViolationsList().stream().anyMatch(v -> v.getField().equals("inspection.team[0]")
                && v.getDescription().contains("looks like a person's name")), details.toString());
    }

    @Test
    void aServiceTheRegisterDoesNotHoldIsRefused() {
        assertBadRequest(() -> create(kent().setInspectedService("inspectedServices/atlantis"), UUID.randomUUID().toString()),
                "inspection.inspected_service");
    }

    @Test
    void aFrameworkRatingServiceDoesNotKnowIsRefused() {
        assertBadRequest(() -> create(kent().setFramework("frameworks/youth-1999"), UUID.randomUUID().toString()), "inspection.framework");
    }

    @Test
    void theStateMovesForwardOneStageAtATimeAndAStaleEtagIsRefused() {
        Inspection planning = create(kent(), UUID.randomUUID().toString());
        Inspection sampling = update(planning.toBuilder().setState(InspectionState.INSPECTION_STATE_SAMPLING), "state");
        assertEquals(InspectionState.INSPECTION_STATE_SAMPLING, sampling.getState());
        assertNotEquals(planning.getEtag(), sampling.getEtag());

        PreconditionFailure stale = assertFailedPrecondition(() ->
                update(planning.toBuilder().setInspectedService(medway), "inspected_service"));
        assertEquals("ETAG", stale.getViolations(0).getType());
        assertEquals("STATE", assertFailedPrecondition(() ->
                update(sampling.toBuilder().setState(InspectionState.INSPECTION_STATE_PLANNING), "state")).getViolations(0).getType());
        assertEquals("STATE", assertFailedPrecondition(() ->
                update(sampling.toBuilder().setState(InspectionState.INSPECTION_STATE_RATING), "state")).getViolations(0).getType());

        Inspection moved = update(sampling.toBuilder().setInspectedService(medway), "inspected_service");
        assertEquals(medway, moved.getInspectedService());
        assertEquals("Medway Youth Justice Service", moved.getServiceInspected());
        assertEquals(InspectionState.INSPECTION_STATE_SAMPLING, moved.getState());
    }

    @Test
    void inspectionsAreListedInPages() {
        for (int i = 0; i < 3; i++) {
            create(kent(), UUID.randomUUID().toString());
        }
        List<Inspection> all = all();
        ListInspectionsResponse first = stub().listInspections(ListInspectionsRequest.newBuilder().setPageSize(2).build());
        assertEquals(2, first.getInspectionsCount());
        assertEquals(all.subList(0, 2), first.getInspectionsList());
        ListInspectionsResponse second = stub().listInspections(
                ListInspectionsRequest.newBuilder().setPageSize(2).setPageToken(first.getNextPageToken()).build());
        assertEquals(all.get(2), second.getInspections(0));
    }

    @Test
    void withRatingServiceDownCreatingIsUnavailableNamingItAndNothingIsStoredButARetryGetsTheFirstAnswer() throws Exception {
        String requestId = UUID.randomUUID().toString();
        Inspection first = create(kent(), requestId);
        int before = all().size();
        services.stop(Service.RATINGS);
        try {
            assertEquals(first, create(kent(), requestId), "a retry is answered without asking rating-service again");
            StatusRuntimeException error = assertThrows(StatusRuntimeException.class,
                    () -> create(kent(), UUID.randomUUID().toString()));
            assertEquals(Status.Code.UNAVAILABLE, error.getStatus().getCode());
            assertTrue(error.getStatus().getDescription().startsWith("rating-service"), error.getStatus().getDescription());
            assertEquals(before, all().size());
        } finally {
            services.start(Service.RATINGS);
        }
        create(kent(), UUID.randomUUID().toString());
    }

    private static Inspection.Builder kent() {
        return Inspection.newBuilder()
                .setInspectedService(kent)
                .setFieldworkStart(Date.newBuilder().setYear(2021).setMonth(6).setDay(21))
                .setFieldworkEnd(Date.newBuilder().setYear(2021).setMonth(6).setDay(25))
                .setFramework("frameworks/youth-2019");
    }

    private static InspectionServiceGrpc.InspectionServiceBlockingStub stub() {
        return inspections.withDeadlineAfter(15, TimeUnit.SECONDS);
    }

    private static Inspection create(Inspection.Builder inspection, String requestId) {
        return stub().createInspection(CreateInspectionRequest.newBuilder().setInspection(inspection).setRequestId(requestId).build())
                .getInspection();
    }

    private static Inspection update(Inspection.Builder inspection, String... paths) {
        return stub().updateInspection(UpdateInspectionRequest.newBuilder()
                .setInspection(inspection)
                .setUpdateMask(FieldMask.newBuilder().addAllPaths(List.of(paths)))
                .build()).getInspection();
    }

    private static List<Inspection> all() {
        return stub().listInspections(ListInspectionsRequest.newBuilder().setPageSize(200).build()).getInspectionsList();
    }

    private static BadRequest assertBadRequest(Executable call, String... fields) {
        StatusRuntimeException error = assertThrows(StatusRuntimeException.class, call);
        assertEquals(Status.Code.INVALID_ARGUMENT, error.getStatus().getCode(), error.getStatus().toString());
        try {
            BadRequest details = StatusProto.fromThrowable(error).getDetails(0).unpack(BadRequest.class);
            assertEquals(List.of(fields).stream().sorted().toList(),
                    details.getFieldViolationsList().stream().map(BadRequest.FieldViolation::getField).sorted().toList(), details.toString());
            return details;
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    private static PreconditionFailure assertFailedPrecondition(Executable call) {
        StatusRuntimeException error = assertThrows(StatusRuntimeException.class, call);
        assertEquals(Status.Code.FAILED_PRECONDITION, error.getStatus().getCode(), error.getStatus().toString());
        try {
            return StatusProto.fromThrowable(error).getDetails(0).unpack(PreconditionFailure.class);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }
}
