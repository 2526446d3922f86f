package yardstick.cases.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.rpc.BadRequest;
import com.google.rpc.PreconditionFailure;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import yardstick.cases.peers.RatingServiceClient;
import yardstick.cases.v1.CreateInspectedServiceRequest;
import yardstick.cases.v1.CreateInspectionRequest;
import yardstick.cases.v1.GetInspectedServiceRequest;
import yardstick.cases.v1.GetInspectionRequest;
import yardstick.cases.v1.InspectedService;
import yardstick.cases.v1.InspectedServiceServiceGrpc;
import yardstick.cases.v1.Inspection;
import yardstick.cases.v1.InspectionServiceGrpc;
import yardstick.cases.v1.ListInspectedServicesRequest;
import yardstick.cases.v1.RenameInspectedServiceRequest;
import yardstick.platform.identity.Role;
import yardstick.platform.testing.GrpcServiceTest;
import yardstick.platform.testing.TestIdentity;

/** The register of inspected services: an inspection names a registered service, and keeps it through a rename. */
@MicronautTest(transactional = false)
class InspectedServiceRegisterTest extends GrpcServiceTest {

    /** Every framework is known: the register needs nothing from rating-service. */
    @MockBean(RatingServiceClient.class)
    RatingServiceClient ratingService() {
        return EveryFrameworkKnown.ratingService();
    }

    @Test
    void anInspectionOfAServiceTheRegisterDoesNotHoldIsRefusedNamingTheField() {
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> open("inspectedServices/atlantis"));

        assertEquals(Status.Code.INVALID_ARGUMENT, refused.getStatus().getCode());
        assertEquals(List.of("inspection.inspected_service"), badFields(refused));
    }

    @Test
    void anInspectionNamingItsServiceByFreeTextIsRefused() {
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> InspectionServiceGrpc.newBlockingStub(channel)
                .createInspection(CreateInspectionRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
                        .setInspection(inspection("").setServiceInspected("Kent Youth Justice Service")).build()));

        assertEquals(Status.Code.INVALID_ARGUMENT, refused.getStatus().getCode());
        assertEquals(List.of("inspection.inspected_service"), badFields(refused));
    }

    @Test
    void aRenamedServiceKeepsItsInspectionsWhichShowItsNewNameAndItKeepsItsFormerName() {
        InspectedService medway = InspectedServices.registered(channel, "medway-" + suffix(), "Medway Youth Offending Team");
        Inspection first = open(medway.getName());
        Inspection second = open(medway.getName());

        InspectedService renamed = register().renameInspectedService(RenameInspectedServiceRequest.newBuilder()
                .setName(medway.getName()).setDisplayName("Medway Youth Justice Service").setEtag(medway.getEtag()).build())
                .getInspectedService();

        assertEquals(medway.getName(), renamed.getName());
        assertEquals("Medway Youth Justice Service", renamed.getDisplayName());
        assertEquals(List.of("Medway Youth Offending Team"), renamed.getFormerNamesList().stream().map(f -> f.getDisplayName()).toList());
        for (Inspection inspection : List.of(first, second)) {
            Inspection read = InspectionServiceGrpc.newBlockingStub(channel)
                    .getInspection(GetInspectionRequest.newBuilder().setName(inspection.getName()).build()).getInspection();
            assertEquals(medway.getName(), read.getInspectedService());
            assertEquals("Medway Youth Justice Service", read.getServiceInspected());
        }
        assertEquals("Medway Youth Offending Team", first.getServiceInspected(), "the name when it was opened");
        InspectedService read = register().getInspectedService(GetInspectedServiceRequest.newBuilder().setName(medway.getName()).build())
                .getInspectedService();
        assertEquals(renamed, read);
    }

    @Test
    void aRenameFromAStaleReadIsRefused() {
        InspectedService bexley = InspectedServices.registered(channel, "bexley-" + suffix(), "Bexley Youth Justice Service");
        register().renameInspectedService(RenameInspectedServiceRequest.newBuilder().setName(bexley.getName())
                .setDisplayName("Bexley Youth Offending Service").setEtag(bexley.getEtag()).build());

        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> register().renameInspectedService(
                RenameInspectedServiceRequest.newBuilder().setName(bexley.getName()).setDisplayName("Bexley YJS").setEtag(bexley.getEtag()).build()));

        assertEquals(Status.Code.FAILED_PRECONDITION, refused.getStatus().getCode());
        assertEquals("ETAG", preconditionFailure(refused).getViolations(0).getType());
    }

    @Test
    void aCodeIsRegisteredOnceAndARetryAnswersTheFirstAnswer() {
        String code = "croydon-" + suffix();
        CreateInspectedServiceRequest request = CreateInspectedServiceRequest.newBuilder().setInspectedServiceId(code)
                .setRequestId(UUID.randomUUID().toString())
                .setInspectedService(InspectedService.newBuilder().setDisplayName("Croydon Youth Justice Service")
                        .addLocalAuthorities("London Borough of Croydon").setRegion("London")).build();

        InspectedService first = register().createInspectedService(request).getInspectedService();
        InspectedService retried = register().createInspectedService(request).getInspectedService();
        StatusRuntimeException again = assertThrows(StatusRuntimeException.class, () -> register().createInspectedService(
                request.toBuilder().setRequestId(UUID.randomUUID().toString()).build()));

        assertEquals(first, retried);
        assertEquals("inspectedServices/" + code, first.getName());
        assertEquals(List.of("London Borough of Croydon"), first.getLocalAuthoritiesList());
        assertEquals("London", first.getRegion());
        assertEquals(Status.Code.ALREADY_EXISTS, again.getStatus().getCode());
    }

    @Test
    void aRegistrationNamesEveryBadField() {
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> register().createInspectedService(
                CreateInspectedServiceRequest.newBuilder().setInspectedServiceId("Kent YJS").setRequestId(UUID.randomUUID().toString())
                        .setInspectedService(InspectedService.newBuilder()).build()));

        assertEquals(Status.Code.INVALID_ARGUMENT, refused.getStatus().getCode());
        assertEquals(List.of("inspected_service_id", "inspected_service.display_name", "inspected_service.local_authorities",
                "inspected_service.region"), badFields(refused));
    }

    @Test
    void onlyTheAdministratorRegistersButEverySignedInPersonReadsTheRegister() {
        var asLead = InspectedServiceServiceGrpc.newBlockingStub(anonymous).withCallCredentials(TestIdentity.as("lead-inspector-1", Role.LEAD_INSPECTOR));
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> asLead.createInspectedService(
                CreateInspectedServiceRequest.newBuilder().setInspectedServiceId("sutton").setRequestId(UUID.randomUUID().toString())
                        .setInspectedService(InspectedService.newBuilder().setDisplayName("Sutton Youth Justice Service")
                                .addLocalAuthorities("London Borough of Sutton").setRegion("London")).build()));
        InspectedService kent = InspectedServices.registered(channel, "kent", "Kent Youth Justice Service");
        var asService = InspectedServiceServiceGrpc.newBlockingStub(anonymous)
                .withCallCredentials(TestIdentity.as("inspected-service-1", Role.INSPECTED_SERVICE));

        assertEquals(Status.Code.PERMISSION_DENIED, refused.getStatus().getCode());
        assertEquals(kent.getName(), asService.listInspectedServices(ListInspectedServicesRequest.newBuilder().setPageSize(200).build())
                .getInspectedServicesList().stream().map(InspectedService::getName).filter(kent.getName()::equals).findFirst().orElseThrow());
    }

    private Inspection open(String inspectedService) {
        return InspectionServiceGrpc.newBlockingStub(channel).createInspection(CreateInspectionRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString()).setInspection(inspection(inspectedService)).build()).getInspection();
    }

    private static Inspection.Builder inspection(String inspectedService) {
        return Inspection.newBuilder().setInspectedService(inspectedService)
                .setFieldworkStart(InspectionMessages.date(LocalDate.of(2024, 11, 4)))
                .setFieldworkEnd(InspectionMessages.date(LocalDate.of(2024, 11, 8)))
                .setFramework("frameworks/youth-2021");
    }

    private InspectedServiceServiceGrpc.InspectedServiceServiceBlockingStub register() {
        return InspectedServiceServiceGrpc.newBlockingStub(channel);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static List<String> badFields(StatusRuntimeException e) {
        try {
            return StatusProto.fromThrowable(e).getDetails(0).unpack(BadRequest.class).getFieldViolationsList().stream()
                    .map(BadRequest.FieldViolation::getField).toList();
        } catch (com.google.protobuf.InvalidProtocolBufferException bad) {
            throw new AssertionError(bad);
        }
    }

    private static PreconditionFailure preconditionFailure(StatusRuntimeException e) {
        try {
            return StatusProto.fromThrowable(e).getDetails(0).unpack(PreconditionFailure.class);
        } catch (com.google.protobuf.InvalidProtocolBufferException bad) {
            throw new AssertionError(bad);
        }
    }
}
