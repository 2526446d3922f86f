package yardstick.reports.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.type.Date;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import yardstick.audit.v1.AuditEvent;
import yardstick.audit.v1.AuditServiceGrpc;
import yardstick.audit.v1.ListAuditEventsRequest;
import yardstick.platform.identity.Role;
import yardstick.platform.testing.GrpcServiceTest;
import yardstick.platform.testing.TestIdentity;
import yardstick.reports.store.PublicationStore;
import yardstick.reports.store.ReportStore;
import yardstick.reports.v1.Action;
import yardstick.reports.v1.CreatePlanRequest;
import yardstick.reports.v1.GetPlanRequest;
import yardstick.reports.v1.ImprovementPlan;
import yardstick.reports.v1.ImprovementPlanServiceGrpc;
import yardstick.reports.v1.Objective;

/** report-service's resources are not named under their inspection: its audit log finds the inspection in its own tables. */
@MicronautTest(transactional = false)
class ReportAuditLogTest extends GrpcServiceTest {

    @Inject
    ReportStore reports;

    @Inject
    PublicationStore publications;

    @Test
    void callsOnAPublicationAndItsPlanAreListedUnderTheReportsInspection() {
        String publication = PublishedReports.publish(reports, publications, "A Youth Justice Service",
                PublishedReports.numbered(1), Optional.empty());
        ImprovementPlanServiceGrpc.ImprovementPlanServiceBlockingStub plans = ImprovementPlanServiceGrpc.newBlockingStub(channel);
        ImprovementPlan plan = plans.createPlan(CreatePlanRequest.newBuilder().setParent(publication)
                .setRequestId(UUID.randomUUID().toString()).setActor("YJ Service Manager")
                .setPlan(ImprovementPlan.newBuilder().setTitle("Improvement plan")
                        .addObjectives(Objective.newBuilder().setTitle("Better oversight").addOutcomes("Consistent oversight")
                                .addActions(Action.newBuilder().setReference("1.1").setText("Do 1.1").addRecommendations(1)
                                        .setOwnerRole("Head of Service").setStartDate(Date.newBuilder().setYear(2021).setMonth(10)))))
                .build()).getPlan();
        plans.getPlan(GetPlanRequest.newBuilder().setName(plan.getName()).build());
        String inspection = publications.find(UUID.fromString(publication.substring("publications/".length())))
                .orElseThrow().inspection();

        List<AuditEvent> events = AuditServiceGrpc.newBlockingStub(signedIn(TestIdentity.token("administrator-1", Role.ADMINISTRATOR)))
                .listAuditEvents(ListAuditEventsRequest.newBuilder().setInspection(inspection).build()).getAuditEventsList();

        assertEquals(List.of("yardstick.reports.v1.ImprovementPlanService/CreatePlan", "yardstick.reports.v1.ImprovementPlanService/GetPlan"),
                events.stream().map(AuditEvent::getMethod).toList());
        assertEquals(List.of(publication, plan.getName()), events.stream().map(AuditEvent::getResource).toList());
        assertEquals(List.of("OK", "OK"), events.stream().map(AuditEvent::getOutcome).toList());
    }
}
