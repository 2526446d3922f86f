package yardstick.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.rpc.PreconditionFailure;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import yardstick.cases.v1.EligibleCase;
import yardstick.common.v1.CaseCategory;
import yardstick.common.v1.Rating;
import yardstick.reports.v1.CreateReportRequest;
import yardstick.reports.v1.CreateReportResponse;
import yardstick.reports.v1.GetReportRequest;
import yardstick.reports.v1.KeyQuestionRow;
import yardstick.reports.v1.ListReportEventsRequest;
import yardstick.reports.v1.ListReportVersionsRequest;
import yardstick.reports.v1.Publication;
import yardstick.reports.v1.PublishReportRequest;
import yardstick.reports.v1.RatingsRow;
import yardstick.reports.v1.Report;
import yardstick.reports.v1.ReportServiceGrpc;
import yardstick.reports.v1.ReportVersion;
import yardstick.reports.v1.SampleFacts;
import yardstick.reports.v1.StandardSection;
import yardstick.reports.v1.UpdateReportRequest;

/**
 * The golden reports: Kent's and Harrow's published figures, carried as a synthetic inspection
 * through case-service and rating-service over real gRPC, assemble into reports whose ratings
 * table, key-question tables and Annexe 1 facts are the published ones. Then the life of a
 * published report: corrections, stale etags, and a neighbour down. The rendered reports are
 * written to target/renditions for the accessibility audit CI runs on them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublishedReportIT {

    private static final Path RENDITIONS = Path.of("target", "renditions");

    private static RunningServices services;
    private static ManagedChannel cases;
    private static ManagedChannel ratings;
    private static ManagedChannel reports;
    private static PublishedInspection.Result kent;
    private static PublishedInspection.Result harrow;

    @BeforeAll
    static void start() throws Exception {
        services = RunningServices.start("golden", Service.RATINGS, Service.CASES, Service.REPORTS);
        cases = services.channel(Service.CASES);
        ratings = services.channel(Service.RATINGS);
        reports = services.channel(Service.REPORTS);
        Files.createDirectories(RENDITIONS);
    }

    @AfterAll
    static void stop() throws Exception {
        cases.shutdownNow();
        ratings.shutdownNow();
        reports.shutdownNow();
        services.close();
    }

    private static ReportServiceGrpc.ReportServiceBlockingStub reporting() {
        return ReportServiceGrpc.newBlockingStub(reports).withDeadlineAfter(60, TimeUnit.SECONDS);
    }

    @Test
    @Order(1)
    void kentsFiguresAssembleIntoKentsPublishedReport() throws Exception {
        kent = carry(PublishedInspection.KENT);
        matchesThePublishedReport(PublishedInspection.KENT, kent);
        // Kent's 3.4.2 was judged in its four youth conditional cautions: a sub-sample, with its margin of error.
        var joint = kent.report().getSubSamplesList().stream().filter(s -> s.getKeyQuestion().equals("3.4.2")).findFirst().orElseThrow();
        assertEquals(4, joint.getCases());
        assertEquals(26, joint.getSampleSize());
        assertTrue(joint.getMarginOfError() > 30, "four cases cannot measure a share to within five points: " + joint.getMarginOfError());
        write("kent-2021-report", kent.publication());
    }

    @Test
    @Order(2)
    void harrowsFiguresAssembleIntoHarrowsPublishedReport() throws Exception {
        harrow = carry(PublishedInspection.HARROW);
        matchesThePublishedReport(PublishedInspection.HARROW, harrow);
        // The factual-accuracy round before publication, in the report's history: Harrow's own user commented and
        // returned the check, the lead answered, and a publisher who wrote none of it published it.
        List<String> history = reporting().listReportEvents(ListReportEventsRequest.newBuilder().setName(harrow.report().getName())
                .build()).getEventsList().stream().map(e -> e.getActor() + " " + e.getResource().replaceAll("^reports/[^/@]+", "")
                        .replaceAll("^publications/.*", "publication")).toList();
        assertEquals(List.of("lead-inspector-1 @1", "lead-inspector-1 @2", "lead-inspector-1 /factualAccuracyCheck",
                "inspected-service-2 /factualAccuracyCheck/comments/1", "inspected-service-2 /factualAccuracyCheck",
                "lead-inspector-1 /factualAccuracyCheck/comments/1", "publisher-1 publication"), history);
        write("harrow-2021-report", harrow.publication());
    }

    /** Carries the inspection on channels without the tester's token: each step signs in as its role's default local user. */
    private static PublishedInspection.Result carry(PublishedInspection inspection) throws Exception {
        ManagedChannel plainCases = services.plainChannel(Service.CASES);
        ManagedChannel plainRatings = services.plainChannel(Service.RATINGS);
        ManagedChannel plainReports = services.plainChannel(Service.REPORTS);
        try {
            return inspection.carry(plainCases, plainRatings, plainReports, ProcessTestSupport.signIns(), line -> { });
        } finally {
            plainCases.shutdownNow();
            plainRatings.shutdownNow();
            plainReports.shutdownNow();
        }
    }

    private static void matchesThePublishedReport(PublishedInspection published, PublishedInspection.Result result) {
        Report report = result.report();
        Struct golden = published.golden();
        // The ratings table: every standard as published, the score out of 36 and the overall rating.
        Map<String, Rating> table = report.getRatingsTable().getRowsList().stream()
                .collect(Collectors.toMap(RatingsRow::getStandard, RatingsRow::getRating));
        Map<String, Rating> expected = golden.getFieldsOrThrow("ratings").getStructValue().getFieldsMap().keySet().stream()
                .collect(Collectors.toMap(s -> s, published::publishedRating));
        assertEquals(expected, table, "the ratings table");
        // The standards not rated, as the report says: Harrow's resettlement, for want of resettlement cases.
        java.util.Set<String> notRated = golden.containsFields("ratings_not_rated")
                ? golden.getFieldsOrThrow("ratings_not_rated").getStructValue().getFieldsMap().keySet() : java.util.Set.of();
        assertEquals(notRated, report.getRatingsTable().getNotRatedList().stream().map(RatingsRow::getStandard)
                .collect(Collectors.toSet()), "the standards not rated");
        assertEquals((int) golden.getFieldsOrThrow("score").getNumberValue(), report.getRatingsTable().getScore());
        assertEquals(36, report.getRatingsTable().getMaximumScore());
        assertEquals(Rating.valueOf("RATING_" + golden.getFieldsOrThrow("overall").getStringValue()), report.getRatingsTable().getOverall());

        // Each case-based standard's key-question table: the published percentages, the lowest in bold.
        Map<String, Integer> percentages = published.keyQuestionPercentages();
        int rows = 0;
        for (StandardSection section : report.getStandardsList()) {
            if (!section.getCaseBased()) {
                continue;
            }
            int lowest = Integer.MAX_VALUE;
            for (KeyQuestionRow row : section.getKeyQuestionsList()) {
                if (row.getApplies()) {
                    assertEquals(percentages.get(row.getKeyQuestion()), row.getPercentage(), row.getKeyQuestion());
                    lowest = Math.min(lowest, row.getPercentage());
                    rows++;
                }
            }
            KeyQuestionRow bold = section.getKeyQuestionsList().stream().filter(KeyQuestionRow::getLowest).findFirst().orElseThrow();
            assertEquals(lowest, bold.getPercentage(), section.getStandard() + ": the lowest is the one in bold");
        }
        assertEquals(percentages.size(), rows, "every published key question has its row");

        // The panel's discretion, where it was used, noted in the standard's section and in Annexe 1.
        for (Value decision : golden.getFieldsOrThrow("discretion").getListValue().getValuesList()) {
            String standard = decision.getStructValue().getFieldsOrThrow("standard").getStringValue();
            StandardSection section = report.getStandardsList().stream().filter(s -> s.getStandard().equals(standard)).findFirst().orElseThrow();
            assertTrue(section.getDiscretionNote().startsWith("The rating was moved from 'Requires improvement' to 'Good' by professional "
                    + "discretion"), section.getDiscretionNote());
        }
        assertEquals(golden.getFieldsOrThrow("discretion").getListValue().getValuesCount(),
                report.getStandardsList().stream().filter(s -> !s.getDiscretionNote().isEmpty()).count(), "no other discretion");

        // Annexe 1: the sample sizes, confidence, margin of error and recency as published.
        for (CaseCategory category : List.of(CaseCategory.CASE_CATEGORY_COURT, CaseCategory.CASE_CATEGORY_OUT_OF_COURT)) {
            Struct sample = published.sample(category);
            SampleFacts facts = report.getMethodologyList().stream().filter(m -> m.getCategory() == category).findFirst().orElseThrow();
            assertEquals((int) sample.getFieldsOrThrow("size").getNumberValue(), facts.getSize(), category + " sample size");
            assertEquals(sample.getFieldsOrThrow("recent_share").getNumberValue(), facts.getRecentShare(), 1e-9, category + " recency");
            List<Value> window = sample.getFieldsOrThrow("recent_window_months").getListValue().getValuesList();
            assertEquals(List.of((int) window.get(0).getNumberValue(), (int) window.get(1).getNumberValue()),
                    List.of(facts.getRecentFromMonths(), facts.getRecentToMonths()), category + " recency window");
            Value confidence = sample.getFieldsOrDefault("confidence", Value.getDefaultInstance());
            if (confidence.hasNumberValue()) {
                assertEquals(confidence.getNumberValue(), facts.getConfidence(), 1e-9);
                assertEquals(sample.getFieldsOrThrow("margin").getNumberValue(), facts.getMarginOfError(), 1e-9);
            }
        }
        assertEquals(published.recommendations(), report.getRecommendationsList(), "the recommendations, numbered, each addressed");
        // Domain one: each qualitative standard with the key questions the report lists under it.
        Map<String, List<String>> questions = golden.getFieldsOrThrow("qualitative_key_questions").getListValue().getValuesList().stream()
                .map(Value::getStructValue).collect(Collectors.groupingBy(q -> q.getFieldsOrThrow("standard").getStringValue(),
                        Collectors.mapping(q -> q.getFieldsOrThrow("text").getStringValue(), Collectors.toList())));
        for (StandardSection section : report.getStandardsList()) {
            if (questions.containsKey(section.getStandard())) {
                assertEquals(questions.get(section.getStandard()), section.getQuestionsList(), section.getStandard());
            }
        }
        InspectionRatingIT.renditionsAgree(reports, report);
    }

    @Test
    @Order(2)
    void theJsonRenditionIsDescribedByTheSchemaThePortalServes() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> schema = http.send(HttpRequest.newBuilder(URI.create(portal() + "/schemas/report.schema.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, schema.statusCode());
        assertTrue(schema.headers().firstValue("content-type").orElse("").startsWith("application/schema+json"));
        String json = Files.readString(RENDITIONS.resolve("kent-2021-report.json"));
        assertEquals(List.of(), JsonSchemaCheck.problems(schema.body(), json), "Kent's JSON rendition against the schema");
        // The check can fail: a field the schema does not know, and a figure of the wrong type, are caught.
        String broken = json.replaceFirst("\"score\": 18", "\"score\": \"eighteen\"").replaceFirst("\\{", "{\"typed_by_hand\": 1, ");
        assertEquals(2, JsonSchemaCheck.problems(schema.body(), broken).size(), JsonSchemaCheck.problems(schema.body(), broken).toString());
    }

    /** The published renditions, as the portal serves them, for the accessibility audit and for people to look at. */
    private static void write(String name, Publication publication) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String id = publication.getName().substring("publications/".length());
        for (String format : List.of("html", "pdf", "md", "json")) {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(portal() + "/reports/" + id + "/" + format)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode(), format);
            Files.write(RENDITIONS.resolve(name + "." + format), response.body());
        }
    }

    private static String portal() {
        return "http://localhost:" + services.environment().get("REPORT_SERVICE_HTTP_PORT") + "/api/v1";
    }

    @Test
    @Order(3)
    void aPublishedVersionNeverChangesAndACorrectionReplacesItInThePortalWhileTheOldStaysRetrievable() throws Exception {
        Report published = reporting().getReport(GetReportRequest.newBuilder().setName(kent.report().getName()).build()).getReport();
        assertTrue(published.getPublished());
        UpdateReportRequest edit = UpdateReportRequest.newBuilder().setName(published.getName()).setEtag(published.getEtag())
                .setUpdatedBy("HMI-0003").setUpdateMask(com.google.protobuf.FieldMask.newBuilder().addPaths("background"))
                .setBackground("Kent is a county in the south east of England.").build();

        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> reporting().updateReport(edit));
        assertEquals(Status.Code.FAILED_PRECONDITION, refused.getStatus().getCode());
        assertEquals("PUBLISHED", violation(refused).getType());
        StatusRuntimeException stale = assertThrows(StatusRuntimeException.class, () -> reporting().updateReport(edit.toBuilder()
                .setEtag("\"1\"").setCorrectionNote("the background was missing").build()));
        assertEquals(Status.Code.FAILED_PRECONDITION, stale.getStatus().getCode());
        assertEquals("ETAG", violation(stale).getType());
        StatusRuntimeException figures = assertThrows(StatusRuntimeException.class, () -> reporting().updateReport(edit.toBuilder()
                .setUpdateMask(com.google.protobuf.FieldMask.newBuilder().addPaths("ratings_table")).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, figures.getStatus().getCode());
        assertTrue(figures.getStatus().getDescription().startsWith("update_mask"), figures.getStatus().getDescription());
        StatusRuntimeException twice = assertThrows(StatusRuntimeException.class, () -> reporting().publishReport(PublishReportRequest
                .newBuilder().setName(published.getName()).setEtag(published.getEtag()).setRequestId(UUID.randomUUID().toString()).build()));
        assertEquals(Status.Code.FAILED_PRECONDITION, twice.getStatus().getCode());
        assertEquals("PUBLISHED", violation(twice).getType());
        assertEquals(published, reporting().getReport(GetReportRequest.newBuilder().setName(published.getName()).build()).getReport(),
                "nothing was written by the refused requests");

        Report first = reporting().updateReport(edit.toBuilder().setCorrectionNote("Background added; no figure changed.")
                .setBackground("Kent is a county.").build()).getReport();
        assertEquals(published.getVersion() + 1, first.getVersion());
        assertEquals(published.getExecutiveSummary(), first.getExecutiveSummary(), "the mask kept the other authored parts");
        assertEquals(published.getRatingsTable(), first.getRatingsTable());
        // The correction is edited again before it is published: it stays a correction, with its note.
        Report corrected = reporting().updateReport(edit.toBuilder().setEtag(first.getEtag()).build()).getReport();
        assertEquals("Background added; no figure changed.", corrected.getCorrectionNote());
        StatusRuntimeException unseen = assertThrows(StatusRuntimeException.class, () -> reporting().publishReport(PublishReportRequest
                .newBuilder().setName(corrected.getName()).setEtag(first.getEtag()).setRequestId(UUID.randomUUID().toString()).build()));
        assertEquals("ETAG", violation(unseen).getType(), "a version nobody reviewed is not published");
        // Four eyes: the tester wrote the correction, so publisher-1 publishes it.
        PublishReportRequest publishCorrection = PublishReportRequest.newBuilder().setName(corrected.getName())
                .setEtag(corrected.getEtag()).setRequestId(UUID.randomUUID().toString()).build();
        assertEquals("FOUR_EYES", violation(assertThrows(StatusRuntimeException.class, () -> reporting().publishReport(publishCorrection
                .toBuilder().setRequestId(UUID.randomUUID().toString()).build()))).getType(), "its author does not publish it");
        Publication correction = InspectionRatingIT.publishedByPublisher(services, publishCorrection);
        assertEquals(kent.publication().getName(), correction.getCorrects());
        assertEquals("Background added; no figure changed.", correction.getCorrectionNote());

        List<ReportVersion> versions = reporting().listReportVersions(ListReportVersionsRequest.newBuilder().setName(published.getName())
                .build()).getVersionsList();
        assertEquals(List.of(4, 3, 2, 1), versions.stream().map(ReportVersion::getVersion).toList(),
                "assembled, written, corrected, corrected again");
        assertEquals(yardstick.platform.testing.TestIdentity.TESTER, versions.get(0).getUpdatedBy(), "the version names the token's subject, not the name the request gave");
        assertTrue(versions.get(0).getPublished() && !versions.get(1).getPublished() && versions.get(2).getPublished());
        assertEquals(published, reporting().getReport(GetReportRequest.newBuilder().setName(published.getName() + "@" + published.getVersion())
                .build()).getReport(), "the published version is still readable, unchanged");

        HttpClient http = HttpClient.newHttpClient();
        String listing = http.send(HttpRequest.newBuilder(URI.create(portal() + "/reports?page_size=100")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String oldId = kent.publication().getName().substring("publications/".length());
        String newId = correction.getName().substring("publications/".length());
        assertTrue(listing.contains("\"id\":\"" + newId + "\""), "the correction is listed");
        assertTrue(listing.contains("\"corrects\":\"" + oldId + "\""), "saying what it corrects");
        assertFalse(listing.contains("\"id\":\"" + oldId + "\""), "the corrected publication is not listed as current");
        int year = java.time.Instant.now().atZone(java.time.ZoneOffset.UTC).getYear();
        String thisYear = http.send(HttpRequest.newBuilder(URI.create(portal() + "/reports?page_size=100&year=" + year)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(thisYear.contains("\"id\":\"" + newId + "\""), "filed under the year the report was first published");
        assertFalse(http.send(HttpRequest.newBuilder(URI.create(portal() + "/reports?page_size=100&year=" + (year - 1))).build(),
                HttpResponse.BodyHandlers.ofString()).body().contains(newId));
        HttpResponse<String> old = http.send(HttpRequest.newBuilder(URI.create(portal() + "/reports/" + oldId + "/html")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, old.statusCode(), "the old stays retrievable");
        assertFalse(old.body().contains("Kent is a county"));
        String current = http.send(HttpRequest.newBuilder(URI.create(portal() + "/reports/" + newId + "/html")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(current.contains("Kent is a county") && current.contains("Background added; no figure changed."));
        String about = http.send(HttpRequest.newBuilder(URI.create(portal() + "/reports/" + oldId)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(about.contains(newId), "the old publication points to its correction: " + about);
    }

    @Test
    @Order(4)
    void theServicesImprovementPlanIsListedBesideItsReportOnceSubmitted() throws Exception {
        // Kent's own plan, loaded through the API by the carried inspection: all six recommendations answered.
        yardstick.reports.v1.ImprovementPlan kentsPlan = kent.plan().orElseThrow();
        assertEquals(List.of(), kentsPlan.getUnansweredRecommendationsList());
        assertEquals(4, kentsPlan.getObjectivesCount());
        String kentsPlanAddress = "/api/v1/reports/" + kent.publication().getName().substring("publications/".length()) + "/plan";
        HttpClient http = HttpClient.newHttpClient();
        String listing = http.send(HttpRequest.newBuilder(URI.create(portal() + "/reports?page_size=100")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(listing.contains("\"improvementPlan\":\"" + kentsPlanAddress + "\""),
                "the plan made for the corrected publication is listed beside its correction: " + listing);

        // Harrow's service drafts a plan: not public until every recommendation is answered and it is submitted.
        // inspected-service-2 speaks for Harrow.
        yardstick.reports.v1.ImprovementPlanServiceGrpc.ImprovementPlanServiceBlockingStub plans =
                yardstick.reports.v1.ImprovementPlanServiceGrpc.newBlockingStub(reports).withDeadlineAfter(60, TimeUnit.SECONDS)
                        .withCallCredentials(ProcessTestSupport.signIns().user("inspected-service-2"));
        int recommendations = harrow.report().getRecommendationsCount();
        List<Integer> allButLast = java.util.stream.IntStream.range(1, recommendations).boxed().toList();
        yardstick.reports.v1.Action answering = yardstick.reports.v1.Action.newBuilder().setReference("1.1")
                .setText("Review the recommendations with the management board").addAllRecommendations(allButLast)
                .setOwnerRole("Head of Youth Justice").setStartDate(com.google.type.Date.newBuilder().setYear(2021).setMonth(10)).build();
        yardstick.reports.v1.ImprovementPlan plan = plans.createPlan(yardstick.reports.v1.CreatePlanRequest.newBuilder()
                .setParent(harrow.publication().getName()).setRequestId(UUID.randomUUID().toString()).setActor("Head of Youth Justice")
                .setPlan(yardstick.reports.v1.ImprovementPlan.newBuilder().setTitle("Improvement plan")
                        .addObjectives(yardstick.reports.v1.Objective.newBuilder().setTitle("Consistent practice").addOutcomes("Good practice")
                                .addActions(answering))).build()).getPlan();
        assertEquals(List.of(recommendations), plan.getUnansweredRecommendationsList());
        String harrowsPlanAddress = "/api/v1/reports/" + harrow.publication().getName().substring("publications/".length()) + "/plan";
        assertFalse(http.send(HttpRequest.newBuilder(URI.create(portal() + "/reports?page_size=100")).build(),
                HttpResponse.BodyHandlers.ofString()).body().contains(harrowsPlanAddress), "a draft plan is not listed");
        assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(portal().replace("/api/v1", "") + harrowsPlanAddress)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode(), "nor served");
        plans.createAction(yardstick.reports.v1.CreateActionRequest.newBuilder().setParent(plan.getName() + "/objectives/1")
                .setRequestId(UUID.randomUUID().toString()).setActor("Head of Youth Justice")
                .setAction(answering.toBuilder().setReference("1.2").setText("Agree out-of-court decisions with the police").clearRecommendations()
                        .addRecommendations(recommendations)).build());
        yardstick.reports.v1.ImprovementPlan answered = plans.getPlan(yardstick.reports.v1.GetPlanRequest.newBuilder()
                .setName(plan.getName()).build()).getPlan();
        plans.submitPlan(yardstick.reports.v1.SubmitPlanRequest.newBuilder().setName(plan.getName()).setEtag(answered.getEtag())
                .setActor("Head of Youth Justice").build());

        listing = http.send(HttpRequest.newBuilder(URI.create(portal() + "/reports?page_size=100")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(listing.contains("\"improvementPlan\":\"" + harrowsPlanAddress + "\""), listing);
        HttpResponse<String> html = http.send(HttpRequest.newBuilder(URI.create(portal().replace("/api/v1", "") + harrowsPlanAddress + "/html"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, html.statusCode());
        assertTrue(html.body().contains("Agree out-of-court decisions with the police"));
        String home = http.send(HttpRequest.newBuilder(URI.create(portal().replace("/api/v1", "/"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(home.contains(kentsPlanAddress + "/html") && home.contains(harrowsPlanAddress + "/html"),
                "the front page links each plan beside its report");
        // The portal's pages are audited with the reports: the front page, Kent's and Harrow's pages, the
        // page of Kent's current report, the national picture and the accessibility statement.
        Files.writeString(RENDITIONS.resolve("portal-home.html"), home);
        java.util.regex.Matcher report = java.util.regex.Pattern.compile("href=\"(/reports/[0-9a-f-]{36})\"").matcher(home);
        assertTrue(report.find(), "the front page links a report's page");
        String site = portal().replace("/api/v1", "");
        for (var page : java.util.Map.of("portal-service-kent.html", "/services/kent", "portal-service-harrow.html", "/services/harrow",
                "portal-report-kent.html", report.group(1), "portal-national-picture.html", "/national-picture",
                "portal-accessibility.html", "/accessibility").entrySet()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(site + page.getValue())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), page.getValue());
            assertFalse(response.body().contains("inspections/") || response.body().contains("ratingSnapshots/"), page.getValue());
            Files.writeString(RENDITIONS.resolve(page.getKey()), response.body());
        }
    }

    @Test
    @Order(5)
    void withCaseServiceDownTheInspectionsReportIsStillAnsweredAndANewOneIsUnavailableNamingItWhileThePortalServesWhatIsPublished()
            throws Exception {
        CreateReportRequest retry = CreateReportRequest.newBuilder().setInspection(kent.inspection())
                .setRequestId(UUID.randomUUID().toString()).build();
        CreateReportResponse first = reporting().createReport(retry);
        assertTrue(first.getExisting(), "Kent's inspection has its report: a second CreateReport answers it");
        assertEquals(kent.report().getName(), first.getReport().getName());
        services.stop(Service.CASES);
        try {
            // A retry gets its first answer, and the inspection its report, without asking the neighbour (AIP-155).
            assertEquals(first, reporting().createReport(retry));
            assertEquals(kent.report().getName(), reporting().createReport(CreateReportRequest.newBuilder().setInspection(kent.inspection())
                    .setRequestId(UUID.randomUUID().toString()).build()).getReport().getName());
            // An inspection without a report needs case-service to draft one.
            StatusRuntimeException error = assertThrows(StatusRuntimeException.class, () -> reporting().createReport(CreateReportRequest
                    .newBuilder().setInspection("inspections/" + UUID.randomUUID()).setRequestId(UUID.randomUUID().toString()).build()));
            assertEquals(Status.Code.UNAVAILABLE, error.getStatus().getCode());
            assertTrue(error.getStatus().getDescription().startsWith("case-service"), error.getStatus().getDescription());
            HttpClient http = HttpClient.newHttpClient();
            assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(portal() + "/reports")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            String id = kent.publication().getName().substring("publications/".length());
            assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(portal() + "/reports/" + id + "/pdf")).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).statusCode());
            assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(portal() + "/ratings.csv")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
        } finally {
            services.start(Service.CASES);
        }
    }

    @Test
    @Order(6)
    void theServicesLogsNameNoCaseOfThePopulation() throws Exception {
        // Every process's output since it started, the whole workflow above included: Kent's and Harrow's populations
        // imported, sampled, judged, rated, reported, published; case-service stopped and started again.
        Map<Service, String> logs = services.logs();
        assertEquals(Set.copyOf(Service.ALL), logs.keySet(), "each service's output is captured");
        logs.forEach((service, log) -> assertFalse(log.isBlank(), service.name() + " wrote nothing to its log"));
        List<String> references = java.util.stream.Stream.of(PublishedInspection.KENT, PublishedInspection.HARROW)
                .flatMap(inspection -> inspection.population().stream()).map(EligibleCase::getReference).toList();
        assertTrue(references.size() > 100, "both populations: " + references.size());
        for (Map.Entry<Service, String> log : logs.entrySet()) {
            List<String> named = references.stream().filter(log.getValue()::contains).toList();
            assertEquals(List.of(), named, log.getKey().name() + "'s log names cases of the population");
        }
    }

    private static PreconditionFailure.Violation violation(StatusRuntimeException error) throws Exception {
        return StatusProto.fromThrowable(error).getDetails(0).unpack(PreconditionFailure.class).getViolations(0);
    }
}
