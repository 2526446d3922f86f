package yardstick.reports.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import yardstick.platform.testing.GrpcServiceTest;
import yardstick.reports.store.PublicationStore;
import yardstick.reports.store.ReportStore;
import yardstick.reports.v1.Action;
import yardstick.reports.v1.CreatePlanRequest;
import yardstick.reports.v1.ImprovementPlan;
import yardstick.reports.v1.ImprovementPlanServiceGrpc;
import yardstick.reports.v1.Objective;
import yardstick.reports.v1.SubmitPlanRequest;

@MicronautTest(transactional = false)
class PlanPortalControllerTest extends GrpcServiceTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ReportStore reports;

    @Inject
    PublicationStore publications;

    private ImprovementPlan plan(String publication) {
        return ImprovementPlanServiceGrpc.newBlockingStub(channel).createPlan(CreatePlanRequest.newBuilder().setParent(publication)
                .setRequestId(UUID.randomUUID().toString()).setActor("YJ Service Manager")
                .setPlan(ImprovementPlan.newBuilder().setTitle("Improvement plan").addObjectives(Objective.newBuilder().setTitle("Oversight")
                        .addActions(Action.newBuilder().setReference("1.1").setText("Audit oversight").addRecommendations(1)
                                .setOwnerRole("YJ Service Manager")))).build()).getPlan();
    }

    private void submit(ImprovementPlan plan) {
        ImprovementPlanServiceGrpc.newBlockingStub(channel).submitPlan(SubmitPlanRequest.newBuilder().setName(plan.getName())
                .setEtag(plan.getEtag()).setActor("YJ Service Manager").build());
    }

    private HttpStatus status(String path) {
        return assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(path)).getStatus();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSubmittedPlanIsServedBesideItsReportInEveryFormat() {
        String publication = PublishedReports.publish(reports, publications, "A Youth Justice Service", PublishedReports.numbered(1), Optional.empty());
        String id = publication.substring("publications/".length());
        ImprovementPlan plan = plan(publication);
        assertEquals(HttpStatus.NOT_FOUND, status("/api/v1/reports/" + id + "/plan"), "a draft is not public");
        submit(plan);

        Map<String, Object> summary = http.toBlocking().retrieve("/api/v1/reports/" + id + "/plan", Map.class);
        assertEquals(plan.getName(), summary.get("plan"));
        assertEquals("/api/v1/reports/" + id + "/plan/html", ((Map<String, String>) summary.get("renditions")).get("html"));
        Map<String, Object> objective = ((List<Map<String, Object>>) summary.get("objectives")).get(0);
        assertEquals(Map.of("complete", 0, "total", 1, "overdue", 0, "dropped", 0), objective.get("progress"));

        for (Map.Entry<String, String> format : Map.of("html", "text/html", "md", "text/markdown", "json", "application/json",
                "pdf", "application/pdf").entrySet()) {
            HttpResponse<byte[]> rendition = http.toBlocking().exchange("/api/v1/reports/" + id + "/plan/" + format.getKey(), byte[].class);
            assertTrue(rendition.getContentType().orElseThrow().toString().startsWith(format.getValue()), format.getKey());
            String etag = rendition.header("ETag");
            assertTrue(etag.startsWith("W/\"") && etag.endsWith("-" + format.getKey() + "\""), etag);
            // Every format revalidates, the PDF too (its bytes carry a creation stamp, but the ETag is the plan's version and day).
            HttpResponse<byte[]> again = http.toBlocking().exchange(HttpRequest.GET("/api/v1/reports/" + id + "/plan/" + format.getKey())
                    .header("If-None-Match", etag), byte[].class);
            assertEquals(HttpStatus.NOT_MODIFIED, again.getStatus(), format.getKey());
        }
        // A change to the plan is a new version: the old ETag no longer matches.
        String before = http.toBlocking().exchange("/api/v1/reports/" + id + "/plan/html", byte[].class).header("ETag");
        ImprovementPlan current = ImprovementPlanServiceGrpc.newBlockingStub(channel).getPlan(yardstick.reports.v1.GetPlanRequest.newBuilder().setName(plan.getName()).build()).getPlan();
        ImprovementPlanServiceGrpc.newBlockingStub(channel).addEvidence(yardstick.reports.v1.AddEvidenceRequest.newBuilder().setName(current.getObjectives(0).getActions(0).getName())
                .setEvidence(yardstick.reports.v1.Evidence.newBuilder().setNote("Audit of 12 cases")
                        .setDate(com.google.type.Date.newBuilder().setYear(2022).setMonth(2).setDay(1)))
                .setEtag(current.getEtag()).setActor("Head of Service").build());
        assertEquals(HttpStatus.OK, http.toBlocking().exchange(HttpRequest.GET("/api/v1/reports/" + id + "/plan/html")
                .header("If-None-Match", before), byte[].class).getStatus());
        assertEquals(HttpStatus.NOT_FOUND, status("/api/v1/reports/" + id + "/plan/docx"));
    }

    @Test
    void noPlanIsServedForAReportUnderEmbargo() {
        String publication = PublishedReports.publish(reports, publications, "A Youth Justice Service", PublishedReports.numbered(1),
                Optional.of(Instant.now().plus(30, ChronoUnit.DAYS)));
        submit(plan(publication));
        String id = publication.substring("publications/".length());
        assertEquals(HttpStatus.NOT_FOUND, status("/api/v1/reports/" + id + "/plan"));
        assertEquals(HttpStatus.NOT_FOUND, status("/api/v1/reports/" + id + "/plan/html"));
    }
}
