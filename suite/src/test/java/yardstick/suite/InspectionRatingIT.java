package yardstick.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import yardstick.reports.v1.CreateReportRequest;
import yardstick.reports.v1.GetReportRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import yardstick.reports.v1.Publication;
import yardstick.reports.v1.PublishReportRequest;
import yardstick.reports.v1.RenderReportRequest;
import yardstick.reports.v1.Report;
import yardstick.reports.v1.ReportFormat;
import yardstick.reports.v1.ReportServiceGrpc;
import yardstick.reports.v1.StandardSection;
import yardstick.cases.v1.CaseJudgements;
import com.google.protobuf.FieldMask;
import yardstick.cases.v1.EligibleCase;
import yardstick.cases.v1.GetInspectionRequest;
import yardstick.cases.v1.Inspection;
import yardstick.cases.v1.InspectionState;
import yardstick.cases.v1.UpdateInspectionRequest;
import yardstick.cases.v1.GetJudgementTalliesRequest;
import yardstick.cases.v1.GetJudgementTalliesResponse;
import yardstick.cases.v1.GetSampleRequest;
import yardstick.cases.v1.ReplaceSampledCaseRequest;
import yardstick.cases.v1.ReplaceSampledCaseResponse;
import yardstick.cases.v1.Sample;
import yardstick.cases.v1.SamplingServiceGrpc;
import yardstick.cases.v1.SampledCase;
import yardstick.cases.v1.SubmitCaseJudgementsRequest;
import yardstick.cases.v1.UpdateCaseJudgementsRequest;
import yardstick.common.v1.Rating;
import yardstick.platform.testing.TestIdentity;
import yardstick.ratings.v1.ComputeRatingsRequest;
import yardstick.ratings.v1.DiscretionOption;
import yardstick.ratings.v1.Framework;
import yardstick.ratings.v1.FrameworkServiceGrpc;
import yardstick.ratings.v1.GetFrameworkRequest;
import yardstick.ratings.v1.GetRatingSnapshotRequest;
import yardstick.ratings.v1.KeyQuestionTally;
import yardstick.ratings.v1.ListRatingSnapshotsRequest;
import yardstick.ratings.v1.RatingServiceGrpc;
import yardstick.ratings.v1.RatingSnapshot;
import yardstick.ratings.v1.RecordDiscretionDecisionRequest;
import yardstick.ratings.v1.RecordQualitativeRatingRequest;
import yardstick.ratings.v1.RecordQualitativeRatingResponse;
import yardstick.ratings.v1.RecordedDiscretionDecision;
import yardstick.ratings.v1.RecordedQualitativeRating;
import yardstick.ratings.v1.StandardRating;

/**
 * An inspection carried from population to ratings and a draft report: case-service's judgements tallied, rated by
 * rating-service's ComputeRatings into numbered, immutable snapshots over real gRPC.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InspectionRatingIT {

    private static RunningServices services;
    private static ManagedChannel cases;
    private static ManagedChannel ratings;
    private static String inspection;
    /** The first requests of Order(1), retried in Order(6) with case-service down. */
    private static RecordQualitativeRatingRequest firstRating;
    private static RecordQualitativeRatingResponse firstRatingAnswer;
    private static String firstComputation;
    private static RatingSnapshot firstSnapshot;

    @BeforeAll
    static void start() throws Exception {
        services = RunningServices.start("ratings", Service.RATINGS, Service.CASES, Service.REPORTS);
        cases = services.channel(Service.CASES);
        ratings = services.channel(Service.RATINGS);
        Framework kent = FrameworkServiceGrpc.newBlockingStub(ratings).getFramework(
                GetFrameworkRequest.newBuilder().setName("frameworks/youth-2019").build()).getFramework();
        List<EligibleCase> population = SyntheticPopulation.cases(300, 42, PopulationIT.FIELDWORK);
        Map<String, EligibleCase> byReference = population.stream().collect(Collectors.toMap(EligibleCase::getReference, Function.identity()));
        inspection = PopulationIT.newInspection(cases);
        Sample drawn = JudgementsIT.sampled(cases, inspection, population, 3);
        // One case cannot be inspected: it is replaced before the judging starts, and the replacement assigned too.
        ReplaceSampledCaseResponse replaced = SamplingServiceGrpc.newBlockingStub(cases).withDeadlineAfter(30, TimeUnit.SECONDS).replaceSampledCase(
                ReplaceSampledCaseRequest.newBuilder().setInspection(inspection).setReference(drawn.getCategories(0).getCases(0).getReference())
                        .setReason("the child moved out of the area before fieldwork").build());
        InspectionStages stages = new InspectionStages(cases, ProcessTestSupport.tester());
        stages.assign(inspection, TestIdentity.TESTER, List.of(replaced.getReplacement().getReference()));
        Sample sample = SamplingServiceGrpc.newBlockingStub(cases).withDeadlineAfter(30, TimeUnit.SECONDS)
                .getSample(GetSampleRequest.newBuilder().setInspection(inspection).build()).getSample();
        for (var category : sample.getCategoriesList()) {
            for (SampledCase sampled : category.getCasesList().stream().filter(SampledCase::getActive).toList()) {
                CaseJudgements saved = JudgementsIT.judging(cases).updateCaseJudgements(UpdateCaseJudgementsRequest.newBuilder()
                        .setJudgements(JudgementsIT.judgements(JudgementsIT.name(inspection, sampled.getReference()), kent,
                                byReference.get(sampled.getReference()), JudgementsIT::hashed)).build()).getJudgements();
                JudgementsIT.judging(cases).submitCaseJudgements(SubmitCaseJudgementsRequest.newBuilder()
                        .setName(saved.getName()).setEtag(saved.getEtag()).build());
            }
        }
        // A second inspector on the team reads the moderation sample again; the first test moves the inspection to rating.
        stages.joinTeam(inspection, "inspector-2");
        stages.confirmModeration(inspection, stages.drawModerationSample(inspection, 3), ProcessTestSupport.signIns().user("inspector-2"));
    }

    @AfterAll
    static void stop() throws Exception {
        cases.shutdownNow();
        ratings.shutdownNow();
        services.close();
    }

    private static RatingServiceGrpc.RatingServiceBlockingStub rating() {
        return RatingServiceGrpc.newBlockingStub(ratings).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    private static RatingSnapshot compute(String requestId) {
        return rating().computeRatings(ComputeRatingsRequest.newBuilder().setInspection(inspection).setRequestedBy("HMI-0001")
                .setRequestId(requestId).build()).getSnapshot();
    }

    /** The lead inspector moves the inspection on, one stage at a time, to rating. */
    private static void toRating() {
        var inspections = yardstick.cases.v1.InspectionServiceGrpc.newBlockingStub(cases).withDeadlineAfter(30, TimeUnit.SECONDS);
        for (var state : List.of(InspectionState.INSPECTION_STATE_SAMPLING, InspectionState.INSPECTION_STATE_FIELDWORK,
                InspectionState.INSPECTION_STATE_RATING)) {
            Inspection current = inspections.getInspection(GetInspectionRequest.newBuilder().setName(inspection).build()).getInspection();
            if (current.getState().getNumber() < state.getNumber()) {
                inspections.updateInspection(UpdateInspectionRequest.newBuilder()
                        .setInspection(Inspection.newBuilder().setName(inspection).setEtag(current.getEtag()).setState(state))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("state")).build());
            }
        }
    }

    private static RecordQualitativeRatingRequest qualitative(String standard) {
        return RecordQualitativeRatingRequest.newBuilder().setRequestId(UUID.randomUUID().toString()).setRating(RecordedQualitativeRating
                .newBuilder().setInspection(inspection).setStandard(standard).setRating(Rating.RATING_GOOD)
                .setRationale("leadership and partnerships evidenced in meetings")).build();
    }

    @Test
    @Order(1)
    void ratingsAreComputedFromTheTalliesIntoNumberedSnapshotsThatNeverChange() {
        // Before the inspection reaches rating, rating-service records and computes nothing, naming the state it needs.
        for (Runnable write : List.<Runnable>of(() -> rating().recordQualitativeRating(qualitative("1.1")),
                () -> compute(UUID.randomUUID().toString()))) {
            StatusRuntimeException early = assertThrows(StatusRuntimeException.class, write::run);
            assertEquals(Status.Code.FAILED_PRECONDITION, early.getStatus().getCode());
            assertTrue(early.getStatus().getDescription().contains("only while the inspection is in RATING"),
                    early.getStatus().getDescription());
        }
        toRating();

        // Not ready without domain one's qualitative ratings: refused, and nothing stored.
        StatusRuntimeException notReady = assertThrows(StatusRuntimeException.class, () -> compute(UUID.randomUUID().toString()));
        assertEquals(Status.Code.FAILED_PRECONDITION, notReady.getStatus().getCode());
        assertTrue(notReady.getStatus().getDescription().contains("1.1"), notReady.getStatus().getDescription());
        assertEquals(0, rating().listRatingSnapshots(ListRatingSnapshotsRequest.newBuilder().setInspection(inspection).build())
                .getSnapshotsCount());

        firstRating = qualitative("1.1");
        firstRatingAnswer = rating().recordQualitativeRating(firstRating);
        for (String standard : List.of("1.2", "1.3", "1.4")) {
            rating().recordQualitativeRating(qualitative(standard));
        }
        String requestId = UUID.randomUUID().toString();
        RatingSnapshot first = compute(requestId);
        firstComputation = requestId;
        firstSnapshot = first;
        assertEquals(1, first.getNumber());
        assertEquals(first, compute(requestId), "a retried request gets the same snapshot");

        GetJudgementTalliesResponse tallies = JudgementsIT.judging(cases).getJudgementTallies(
                GetJudgementTalliesRequest.newBuilder().setInspection(inspection).build());
        Map<String, List<Integer>> counted = tallies.getKeyQuestionsList().stream()
                .collect(Collectors.toMap(k -> k.getKeyQuestion(), k -> List.of(k.getYes(), k.getApplicable())));
        for (KeyQuestionTally tally : first.getInputs().getKeyQuestionTalliesList()) {
            assertEquals(counted.getOrDefault(tally.getKeyQuestion(), List.of(0, 0)), List.of(tally.getYes(), tally.getApplicable()),
                    tally.getKeyQuestion());
        }
        assertEquals(tallies.getSubmittedCases(), first.getSubmittedCases());
        assertEquals(rating().calculateRatings(first.getInputs()), first.getRatings(), "the snapshot's ratings follow from its inputs");

        // A discretion decision the rules allow, recorded, then reflected in the next snapshot only.
        StandardRating movable = first.getRatings().getStandardRatingsList().stream()
                .filter(s -> s.hasCaseBased() && s.getCaseBased().getDiscretionOptionsCount() > 0)
                .findFirst().orElseThrow(() -> new AssertionError("no standard open to discretion in " + first.getRatings()));
        DiscretionOption option = movable.getCaseBased().getDiscretionOptions(0);
        RecordedDiscretionDecision decision = rating().recordDiscretionDecision(RecordDiscretionDecisionRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString()).setDecision(RecordedDiscretionDecision.newBuilder().setInspection(inspection).setStandard(movable.getStandard())
                        .setTo(option.getRating()).setRationale("the panel weighed the other key questions").setRecordedBy("HMI-0002"))
                .build()).getDecision();
        assertEquals(movable.getRating(), decision.getFrom());
        assertEquals(option.getGroundsList(), decision.getGroundsList());
        assertEquals(yardstick.platform.testing.TestIdentity.TESTER, decision.getRecordedBy(),
                "the decision records the token's subject, not the name the request gave");

        RatingSnapshot second = compute(UUID.randomUUID().toString());
        assertEquals(2, second.getNumber());
        StandardRating moved = second.getRatings().getStandardRatingsList().stream()
                .filter(s -> s.getStandard().equals(movable.getStandard())).findFirst().orElseThrow();
        assertEquals(option.getRating(), moved.getRating());
        assertTrue(moved.getCaseBased().getDiscretionApplied());
        assertEquals(first, rating().getRatingSnapshot(GetRatingSnapshotRequest.newBuilder().setName(first.getName()).build()).getSnapshot(),
                "the first snapshot is unchanged");
        assertEquals(List.of(2, 1), rating().listRatingSnapshots(ListRatingSnapshotsRequest.newBuilder().setInspection(inspection).build())
                .getSnapshotsList().stream().map(RatingSnapshot::getNumber).toList());
    }

    @Test
    @Order(2)
    void aDraftReportTakesEveryFigureFromTheLatestSnapshotAndTheSamplePlan() {
        ManagedChannel reports = services.channel(Service.REPORTS);
        try {
            // A report is drafted once the inspection is being rated.
            toRating();
            RatingSnapshot latest = rating().listRatingSnapshots(ListRatingSnapshotsRequest.newBuilder().setInspection(inspection).build())
                    .getSnapshots(0);
            Report report = ReportServiceGrpc.newBlockingStub(reports).withDeadlineAfter(30, TimeUnit.SECONDS).createReport(
                    CreateReportRequest.newBuilder().setInspection(inspection).setRequestedBy("HMI-0001").setRequestId(UUID.randomUUID().toString()).build()).getReport();
            assertEquals(latest.getName(), report.getRatingsSnapshot());
            assertEquals(latest.getRatings().getScore(), report.getRatingsTable().getScore());
            assertEquals(latest.getRatings().getOverall(), report.getRatingsTable().getOverall());
            assertEquals(12, report.getRatingsTable().getRowsCount());
            for (StandardSection section : report.getStandardsList()) {
                StandardRating rated = latest.getRatings().getStandardRatingsList().stream()
                        .filter(s -> s.getStandard().equals(section.getStandard())).findFirst().orElseThrow();
                assertEquals(rated.getRating(), section.getRating(), section.getStandard());
                if (section.getCaseBased()) {
                    assertEquals(1, section.getKeyQuestionsList().stream().filter(k -> k.getLowest()).count(), section.getStandard());
                    assertEquals(rated.getCaseBased().getDiscretionApplied(), !section.getDiscretionNote().isEmpty(), section.getStandard());
                }
            }
            assertTrue(report.getStandardsList().stream().anyMatch(s -> !s.getDiscretionNote().isEmpty()), "the discretion decision is noted");
            assertEquals(report, ReportServiceGrpc.newBlockingStub(reports).getReport(
                    GetReportRequest.newBuilder().setName(report.getName()).build()).getReport());
            assertTrue(report.getMethodologyList().stream().allMatch(m -> m.getSize() > 0 && m.getConfidence() == 0.8));
            renditionsAgree(reports, report);
        } finally {
            reports.shutdownNow();
        }
    }

    /** HTML, Markdown and JSON from the one model: the HTML well formed for assistive technology, every figure in all three. */
    static void renditionsAgree(ManagedChannel reports, Report report) {
        Function<ReportFormat, String> render = format -> ReportServiceGrpc.newBlockingStub(reports).withDeadlineAfter(30, TimeUnit.SECONDS)
                .renderReport(RenderReportRequest.newBuilder().setName(report.getName()).setFormat(format).build()).getContent().toStringUtf8();
        Document html = Jsoup.parse(render.apply(ReportFormat.REPORT_FORMAT_HTML));
        String markdown = render.apply(ReportFormat.REPORT_FORMAT_MARKDOWN);
        String json = render.apply(ReportFormat.REPORT_FORMAT_JSON);

        assertEquals("en-GB", html.selectFirst("html").attr("lang"));
        assertEquals(1, html.select("h1").size());
        int level = 1;
        for (Element heading : html.select("h1, h2, h3, h4")) {
            int next = Integer.parseInt(heading.tagName().substring(1));
            assertTrue(next <= level + 1, "heading " + heading.text() + " skips a level");
            level = next;
        }
        for (Element table : html.select("table")) {
            assertTrue(table.selectFirst("caption") != null && !table.selectFirst("caption").text().isBlank(), "a table without a caption");
            assertTrue(table.select("th").stream().allMatch(th -> th.hasAttr("scope")), "header cells have a scope");
        }
        // Annexe 1 says how each sample was drawn: a balanced probability sample, its method and its seed, in every format.
        for (var facts : report.getMethodologyList()) {
            assertTrue(facts.getSamplingMethod().startsWith("balanced probability sample"), facts.toString());
            assertTrue(html.text().contains("sample is a balanced probability sample") && html.text().contains("Seed " + facts.getSeed()),
                    "Annexe 1 in HTML states the method and seed " + facts.getSeed());
            assertTrue(markdown.contains("sample is a balanced probability sample") && markdown.contains("Seed " + facts.getSeed()),
                    "Annexe 1 in Markdown states the method and seed");
            assertTrue(json.contains("\"sampling_method\": \"balanced probability sample") && json.contains("\"seed\": \"" + facts.getSeed()),
                    "Annexe 1 in JSON states the method and seed");
        }
        assertTrue(html.text().contains(report.getRatingsTable().getScore() + "/36"), "the score");
        assertTrue(markdown.contains(report.getRatingsTable().getScore() + "/36"));
        for (StandardSection section : report.getStandardsList()) {
            String rating = label(section.getRating());
            assertTrue(html.select("h3:contains(" + section.getStandard() + " ) + p").text().contains(rating), section.getStandard());
            assertTrue(markdown.contains("### " + section.getStandard() + " " + section.getName() + "\n\nRating: **" + rating + "**"),
                    section.getStandard());
            Element table = section.getCaseBased() ? html.select("table").stream()
                    .filter(t -> t.selectFirst("caption").text().startsWith("Key questions of " + section.getStandard() + " "))
                    .findFirst().orElseThrow(() -> new AssertionError("no key-question table for " + section.getStandard())) : null;
            for (var row : section.getKeyQuestionsList()) {
                if (row.getApplies()) {
                    String percentage = row.getPercentage() + "%";
                    String cell = row.getLowest() ? "**" + percentage + "**" : percentage;
                    assertTrue(markdown.contains(cell), row.getKeyQuestion() + " in Markdown");
                    Element htmlRow = table.select("tbody tr").stream().filter(tr -> tr.selectFirst("th").text().equals(row.getText()))
                            .findFirst().orElseThrow(() -> new AssertionError(row.getKeyQuestion() + " missing from the HTML"));
                    assertEquals(percentage, htmlRow.selectFirst("td").text(), row.getKeyQuestion() + " in HTML");
                    assertEquals(row.getLowest(), htmlRow.selectFirst("td strong") != null, row.getKeyQuestion() + " lowest in bold");
                }
            }
        }
        // Annexe 2: every prompt's figure in both; the contextual facts in both.
        for (StandardSection section : report.getStandardsList()) {
            for (var row : section.getKeyQuestionsList()) {
                Element annexe = html.select("table").stream().filter(t -> t.selectFirst("caption").text()
                        .equals(row.getKeyQuestion() + " " + row.getText())).findFirst()
                        .orElseThrow(() -> new AssertionError(row.getKeyQuestion() + " has no Annexe 2 table"));
                for (var prompt : row.getPromptsList()) {
                    String figure = prompt.getAnswered() > 0 ? prompt.getPercentage() + "%" : "not applicable";
                    Element cell = annexe.select("tbody tr").stream().filter(tr -> tr.selectFirst("th").text()
                            .equals(prompt.getLetter() + ". " + prompt.getText())).findFirst()
                            .orElseThrow(() -> new AssertionError(row.getKeyQuestion() + prompt.getLetter() + " missing")).selectFirst("td");
                    assertEquals(figure, cell.text(), row.getKeyQuestion() + prompt.getLetter() + " in HTML");
                    assertTrue(markdown.contains("| " + prompt.getLetter() + ". " + prompt.getText().replace("|", "\\|") + " | " + figure + " |"),
                            row.getKeyQuestion() + prompt.getLetter() + " in Markdown");
                }
            }
        }
        for (var fact : report.getContextualFactsList()) {
            assertTrue(markdown.contains("| " + fact.getCategory() + " | " + fact.getCount() + " | " + fact.getPercentage() + "% |"),
                    fact.toString());
            assertTrue(html.select("table").stream().anyMatch(t -> t.select("tbody tr").stream().anyMatch(tr ->
                    tr.text().equals(fact.getCategory() + " " + fact.getCount() + " " + fact.getPercentage() + "%"))), fact.toString());
        }
        // A PDF is fetched in chunks, as a client must once a report's PDF is longer than one message (4 MiB) takes.
        java.io.ByteArrayOutputStream streamed = new java.io.ByteArrayOutputStream();
        ReportServiceGrpc.newBlockingStub(reports).withDeadlineAfter(60, TimeUnit.SECONDS).streamReportRendition(
                yardstick.reports.v1.StreamReportRenditionRequest.newBuilder().setName(report.getName()).setFormat(ReportFormat.REPORT_FORMAT_PDF).build())
                .forEachRemaining(answer -> streamed.writeBytes(answer.getChunk().getData().toByteArray()));
        byte[] pdf = streamed.toByteArray();
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertTrue(text.contains(report.getRatingsTable().getScore() + "/36: " + label(report.getRatingsTable().getOverall())), "the score");
            for (var row : report.getRatingsTable().getRowsList()) {
                assertTrue(text.contains(row.getStandard() + " " + row.getName() + " " + label(row.getRating())), row.getStandard() + " in the PDF");
            }
            assertTrue(text.contains("Page 1 of " + document.getNumberOfPages()), "page numbers");
            assertTrue(document.getDocumentCatalog().getMarkInfo().isMarked(), "tagged");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        try {
            Report.Builder parsed = Report.newBuilder();
            com.google.protobuf.util.JsonFormat.parser().merge(json, parsed);
            assertEquals(report, parsed.build(), "the JSON record is the report, figure for figure");
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    static String label(Rating rating) {
        String words = rating.name().substring("RATING_".length()).replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    @Test
    @Order(3)
    void aPublishedReportIsServedToThePortalWithItsHashWhileAnEmbargoedOneIsNot() throws Exception {
        ManagedChannel reports = services.channel(Service.REPORTS);
        try {
            ReportServiceGrpc.ReportServiceBlockingStub stub = ReportServiceGrpc.newBlockingStub(reports).withDeadlineAfter(60, TimeUnit.SECONDS);
            // The inspection's one report, drafted above.
            Report report = stub.createReport(CreateReportRequest.newBuilder().setInspection(inspection)
                    .setRequestedBy("HMI-0001").setRequestId(UUID.randomUUID().toString()).build()).getReport();
            report = written(stub, report);
            checkedUntilItsDeadline(stub, report);
            PublishReportRequest publish = PublishReportRequest.newBuilder().setName(report.getName()).setEtag(report.getEtag())
                    .setRequestId(UUID.randomUUID().toString()).build();
            Publication published = publishedByPublisher(services, publish);
            assertEquals(published, publishedByPublisher(services, publish), "a retry publishes once");
            assertEquals(4, published.getRenditionsCount());

            // A correction under embargo: neither listed nor served before the embargo ends; what it corrects stays current.
            Report correcting = stub.updateReport(yardstick.reports.v1.UpdateReportRequest.newBuilder().setName(report.getName())
                    .setEtag(stub.getReport(GetReportRequest.newBuilder().setName(report.getName()).build()).getReport().getEtag())
                    .setCorrectionNote("a typing slip in the summary").setExecutiveSummary("A synthetic inspection, corrected.")
                    .setUpdateMask(com.google.protobuf.FieldMask.newBuilder().addPaths("executive_summary")).build()).getReport();
            Publication embargoed = publishedByPublisher(services, PublishReportRequest.newBuilder().setName(correcting.getName())
                    .setEtag(correcting.getEtag()).setRequestId(UUID.randomUUID().toString())
                    .setEmbargoUntil(com.google.protobuf.Timestamp.newBuilder().setSeconds(java.time.Instant.now().plusSeconds(86_400).getEpochSecond()))
                    .build());

            // A correction of the embargoed correction may not make it public before the embargo ends.
            Report again = stub.updateReport(yardstick.reports.v1.UpdateReportRequest.newBuilder().setName(report.getName())
                    .setEtag(stub.getReport(GetReportRequest.newBuilder().setName(report.getName()).build()).getReport().getEtag())
                    .setCorrectionNote("another slip").setExecutiveSummary("A synthetic inspection, corrected twice.")
                    .setUpdateMask(com.google.protobuf.FieldMask.newBuilder().addPaths("executive_summary")).build()).getReport();
            StatusRuntimeException early = assertThrows(StatusRuntimeException.class, () -> publishedByPublisher(services,
                    PublishReportRequest.newBuilder().setName(again.getName()).setEtag(again.getEtag())
                            .setRequestId(UUID.randomUUID().toString()).build()));
            assertEquals(Status.Code.FAILED_PRECONDITION, early.getStatus().getCode());
            assertTrue(early.getStatus().getDescription().contains("embargo"), early.getStatus().getDescription());

            String portal = "http://localhost:" + services.environment().get("REPORT_SERVICE_HTTP_PORT") + "/api/v1";
            HttpClient http = HttpClient.newHttpClient();
            String id = published.getName().substring("publications/".length());
            String hidden = embargoed.getName().substring("publications/".length());

            HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create(portal + "/reports?service="
                    + java.net.URLEncoder.encode("Synthetic Youth Justice Service", java.nio.charset.StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, list.statusCode());
            assertTrue(list.body().contains(id), list.body());
            assertTrue(!list.body().contains(hidden), "an embargoed report is not listed");
            assertTrue(!http.send(HttpRequest.newBuilder(URI.create(portal + "/reports?service=Nowhere")).build(),
                    HttpResponse.BodyHandlers.ofString()).body().contains(id), "filtered by service");
            assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(portal + "/reports/" + hidden + "/html")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode(), "an embargoed report is not served");

            HttpResponse<byte[]> html = http.send(HttpRequest.newBuilder(URI.create(portal + "/reports/" + id + "/html")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, html.statusCode());
            assertTrue(html.headers().firstValue("content-type").orElse("").startsWith("text/html"));
            String sha = published.getRenditionsList().stream().filter(r -> r.getFormat() == ReportFormat.REPORT_FORMAT_HTML)
                    .findFirst().orElseThrow().getSha256();
            assertEquals("\"" + sha + "\"", html.headers().firstValue("etag").orElse(""));
            assertEquals(sha, java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(html.body())));
            assertTrue(html.headers().firstValue("cache-control").orElse("").contains("immutable"));
            assertEquals(304, http.send(HttpRequest.newBuilder(URI.create(portal + "/reports/" + id + "/html"))
                    .header("If-None-Match", "\"" + sha + "\"").build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            assertTrue(http.send(HttpRequest.newBuilder(URI.create(portal + "/reports/" + id + "/json")).build(),
                    HttpResponse.BodyHandlers.ofString()).headers().firstValue("content-type").orElse("").startsWith("application/json"));

            String csv = http.send(HttpRequest.newBuilder(URI.create(portal + "/ratings.csv")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(csv.startsWith("publication,inspection,service_inspected,year,standard,name,rating,score,overall"));
            long rows = csv.lines().filter(l -> l.startsWith(published.getName() + ",")).count();
            assertEquals(report.getStandardsCount(), rows, "one row per standard of the published inspection");
            assertTrue(!csv.contains(embargoed.getName()));
            assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(portal + "/openapi.yaml")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            String home = http.send(HttpRequest.newBuilder(URI.create(portal.replace("/api/v1", "/"))).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(home.contains("/services/" + PopulationIT.SYNTHETIC.code()), "the front page links the service");
            String service = http.send(HttpRequest.newBuilder(URI.create(portal.replace("/api/v1", "/services/" + PopulationIT.SYNTHETIC.code())))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(service.contains("/reports/" + id), "the service's page links the published report");
            assertTrue(!home.contains(hidden) && !service.contains(hidden), "but not the embargoed one");
        } finally {
            reports.shutdownNow();
        }
    }

    /**
     * Sent for the service's factual-accuracy check with a deadline a few seconds off, and waited out: nobody here speaks
     * for the synthetic service, and after its deadline publication need not wait for it.
     */
    static void checkedUntilItsDeadline(ReportServiceGrpc.ReportServiceBlockingStub stub, Report report) throws InterruptedException {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(3);
        stub.sendForFactualAccuracyCheck(yardstick.reports.v1.SendForFactualAccuracyCheckRequest.newBuilder().setName(report.getName())
                .setEtag(report.getEtag()).setRequestId(UUID.randomUUID().toString())
                .setDeadline(com.google.protobuf.Timestamp.newBuilder().setSeconds(deadline.getEpochSecond()).setNanos(deadline.getNano()))
                .build());
        Thread.sleep(java.time.Duration.between(java.time.Instant.now(), deadline).plusMillis(200).toMillis());
    }

    /** Published by publisher-1, who wrote none of the versions (the tester writes them): four eyes. */
    static Publication publishedByPublisher(RunningServices services, PublishReportRequest request) {
        ManagedChannel plain = services.plainChannel(Service.REPORTS);
        try {
            return ReportServiceGrpc.newBlockingStub(plain).withDeadlineAfter(60, TimeUnit.SECONDS)
                    .withCallCredentials(ProcessTestSupport.signIns().as(SignIns.PUBLISHER)).publishReport(request).getPublication();
        } finally {
            plain.shutdownNow();
        }
    }

    /** The authors' words a report needs before it is published. */
    static Report written(ReportServiceGrpc.ReportServiceBlockingStub stub, Report draft) {
        return stub.updateReport(yardstick.reports.v1.UpdateReportRequest.newBuilder().setName(draft.getName()).setEtag(draft.getEtag())
                .setUpdatedBy("HMI-0001").setExecutiveSummary("A synthetic inspection.")
                .addRecommendations(yardstick.reports.v1.Recommendation.newBuilder().setNumber(1).setAddressedTo("the service")
                        .setText("keep its judgements consistent"))
                .build()).getReport();
    }

    @Test
    @Order(4)
    void withRatingServiceDownPublicationIsUnavailableNamingItWhileStoredReportsStillAnswer() throws Exception {
        ManagedChannel reports = services.channel(Service.REPORTS);
        try {
            Report stored = ReportServiceGrpc.newBlockingStub(reports).withDeadlineAfter(30, TimeUnit.SECONDS).getReport(
                    GetReportRequest.newBuilder().setName(ReportServiceGrpc.newBlockingStub(reports).withDeadlineAfter(30, TimeUnit.SECONDS)
                            .createReport(CreateReportRequest.newBuilder().setInspection(inspection).setRequestId(UUID.randomUUID().toString())
                                    .build()).getReport().getName()).build()).getReport();
            services.stop(Service.RATINGS);
            // The inspection's report is answered from report-service's own records, without asking rating-service.
            assertEquals(stored, ReportServiceGrpc.newBlockingStub(reports).withDeadlineAfter(30, TimeUnit.SECONDS).createReport(
                    CreateReportRequest.newBuilder().setInspection(inspection).setRequestId(UUID.randomUUID().toString()).build()).getReport());
            // Publishing asks rating-service whether the report's ratings are still the latest: unavailable, naming it.
            StatusRuntimeException error = assertThrows(StatusRuntimeException.class, () -> publishedByPublisher(services,
                    PublishReportRequest.newBuilder().setName(stored.getName()).setEtag(stored.getEtag())
                            .setRequestId(UUID.randomUUID().toString()).build()));
            assertEquals(Status.Code.UNAVAILABLE, error.getStatus().getCode());
            assertTrue(error.getStatus().getDescription().startsWith("rating-service"), error.getStatus().getDescription());
            assertEquals(stored, ReportServiceGrpc.newBlockingStub(reports).withDeadlineAfter(10, TimeUnit.SECONDS)
                    .getReport(GetReportRequest.newBuilder().setName(stored.getName()).build()).getReport());
            String portal = "http://localhost:" + services.environment().get("REPORT_SERVICE_HTTP_PORT") + "/api/v1";
            assertEquals(200, HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(portal + "/reports")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode(), "the portal's listing keeps working");
        } finally {
            reports.shutdownNow();
            services.start(Service.RATINGS);
        }
    }

    @Test
    @Order(5)
    void discretionOnAQualitativeStandardIsRefusedNamingTheField() {
        StatusRuntimeException error = assertThrows(StatusRuntimeException.class, () -> rating().recordDiscretionDecision(
                RecordDiscretionDecisionRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
                        .setDecision(RecordedDiscretionDecision.newBuilder().setInspection(inspection).setStandard("1.2").setTo(Rating.RATING_GOOD).setRationale("x").setRecordedBy("HMI-0002")).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, error.getStatus().getCode());
        assertTrue(error.getStatus().getDescription().contains("decision.standard"), error.getStatus().getDescription());
    }

    @Test
    @Order(6)
    void withCaseServiceDownARetriedRatingWriteAnswersItsFirstAnswerWhileANewOneIsUnavailable() throws Exception {
        services.stop(Service.CASES);
        try {
            assertEquals(firstRatingAnswer, rating().recordQualitativeRating(firstRating), "a retried rating answers the first answer");
            assertEquals(firstSnapshot, compute(firstComputation), "a retried computation answers the first snapshot");
            StatusRuntimeException fresh = assertThrows(StatusRuntimeException.class, () -> compute(UUID.randomUUID().toString()));
            assertEquals(Status.Code.UNAVAILABLE, fresh.getStatus().getCode());
            assertTrue(fresh.getStatus().getDescription().startsWith("case-service"), fresh.getStatus().getDescription());
        } finally {
            services.start(Service.CASES);
        }
    }
}
