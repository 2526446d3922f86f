package yardstick.reports.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.util.JsonFormat;
import com.google.type.Date;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import yardstick.platform.testing.GrpcServiceTest;
import yardstick.reports.store.PublicationStore;
import yardstick.reports.store.ReportStore;
import yardstick.reports.v1.Action;
import yardstick.reports.v1.CreatePlanRequest;
import yardstick.reports.v1.ImprovementPlan;
import yardstick.reports.v1.ImprovementPlanServiceGrpc;
import yardstick.reports.v1.Objective;
import yardstick.reports.v1.PlanState;
import yardstick.reports.v1.Recommendation;
import yardstick.reports.v1.RecommendationProgress;
import yardstick.reports.v1.RenderPlanRequest;
import yardstick.reports.v1.ReportFormat;
import yardstick.reports.v1.SubmitPlanRequest;

/**
 * Kent's improvement plan of 2021 (four objectives, 34 actions) loaded through the API against a
 * publication of a report making Kent's six recommendations: every recommendation is answered,
 * the plan is submitted, and every rendition lists each objective with its actions in order.
 * The HTML and PDF are written out for the accessibility audit.
 */
@MicronautTest(transactional = false)
class KentImprovementPlanGoldenTest extends GrpcServiceTest {

    private static final String ACTOR = "Assistant Director - Adolescent and Open Access - West";

    @Inject
    ReportStore reports;

    @Inject
    PublicationStore publications;

    private JsonNode golden;
    private ImprovementPlan submitted;

    @BeforeAll
    void loadKentsPlanThroughTheApi() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/golden/kent-2021-improvement-plan.json")) {
            golden = new ObjectMapper().readTree(in);
        }
        List<Recommendation> recommendations = new ArrayList<>();
        golden.get("recommendations").forEach(r -> recommendations.add(Recommendation.newBuilder().setNumber(r.get("number").asInt())
                .setAddressedTo(r.get("addressed_to").asText()).setText(r.get("text").asText()).build()));
        String publication = PublishedReports.publish(reports, publications, golden.get("service").asText(), recommendations, Optional.empty());

        ImprovementPlan.Builder plan = ImprovementPlan.newBuilder().setTitle(golden.get("title").asText())
                .setOversight(golden.get("oversight").asText());
        for (JsonNode objective : golden.get("objectives")) {
            Objective.Builder built = Objective.newBuilder().setTitle(objective.get("title").asText());
            objective.get("outcomes").forEach(o -> built.addOutcomes(o.asText()));
            for (JsonNode action : objective.get("actions")) {
                String[] month = action.get("start_month").asText().split("-");
                Action.Builder a = Action.newBuilder().setReference(action.get("reference").asText()).setText(action.get("text").asText())
                        .setOwnerRole(action.get("owner_role").asText())
                        .setStartDate(Date.newBuilder().setYear(Integer.parseInt(month[0])).setMonth(Integer.parseInt(month[1])));
                action.get("recommendations").forEach(n -> a.addRecommendations(n.asInt()));
                built.addActions(a);
            }
            plan.addObjectives(built);
        }
        var channel = yardstick.platform.testing.GrpcTestClients.channel(context);
        try {
            var plans = ImprovementPlanServiceGrpc.newBlockingStub(channel)
                    .withCallCredentials(yardstick.platform.testing.TestIdentity.bearer(yardstick.platform.testing.TestIdentity.tester()));
            ImprovementPlan created = plans.createPlan(CreatePlanRequest.newBuilder().setParent(publication).setPlan(plan)
                    .setRequestId(UUID.randomUUID().toString()).setActor(ACTOR).build()).getPlan();
            assertEquals(List.of(), created.getUnansweredRecommendationsList(), "Kent's plan answers every recommendation");
            submitted = plans.submitPlan(SubmitPlanRequest.newBuilder().setName(created.getName()).setEtag(created.getEtag())
                    .setActor(ACTOR).build()).getPlan();
        } finally {
            channel.shutdownNow();
        }
    }

    private List<String> references(JsonNode objective) {
        List<String> references = new ArrayList<>();
        objective.get("actions").forEach(a -> references.add(a.get("reference").asText()));
        return references;
    }

    private byte[] render(ReportFormat format) {
        return ImprovementPlanServiceGrpc.newBlockingStub(channel).renderPlan(RenderPlanRequest.newBuilder().setName(submitted.getName())
                .setFormat(format).build()).getContent().toByteArray();
    }

    @Test
    void everyRecommendationOneToSixIsAnsweredAndThePlanIsSubmitted() {
        assertEquals(PlanState.PLAN_STATE_SUBMITTED, submitted.getState());
        assertEquals(List.of(1, 2, 3, 4, 5, 6), submitted.getRecommendationProgressList().stream()
                .map(RecommendationProgress::getRecommendation).toList());
        submitted.getRecommendationProgressList().forEach(p -> assertTrue(p.getProgress().getTotal() > 0, "recommendation " + p.getRecommendation()));
        assertEquals(List.of(16, 8, 5, 5), submitted.getObjectivesList().stream().map(Objective::getActionsCount).toList());
        assertEquals(List.of(List.of(2, 3), List.of(1, 4), List.of(5), List.of(6)),
                submitted.getObjectivesList().stream().map(Objective::getRecommendationsList).toList());
    }

    @Test
    void thePlanKeepsEachObjectivesActionsInOrder() {
        for (int i = 0; i < 4; i++) {
            JsonNode objective = golden.get("objectives").get(i);
            Objective stored = submitted.getObjectives(i);
            assertEquals(objective.get("title").asText(), stored.getTitle());
            assertEquals(references(objective), stored.getActionsList().stream().map(Action::getReference).toList());
        }
    }

    @Test
    void theHtmlListsEachObjectiveWithItsActionsInOrderAccessibly() throws Exception {
        String html = new String(render(ReportFormat.REPORT_FORMAT_HTML), StandardCharsets.UTF_8);
        Document page = Jsoup.parse(html);
        assertEquals("en-GB", page.selectFirst("html").attr("lang"));
        assertEquals(1, page.select("h1").size());
        int level = 1;
        for (Element heading : page.select("h1, h2, h3, h4, h5, h6")) {
            int next = Integer.parseInt(heading.tagName().substring(1));
            assertTrue(next <= level + 1, "heading " + heading.text() + " skips a level");
            level = next;
        }
        for (Element table : page.select("table")) {
            assertFalse(table.select("caption").text().isBlank(), "every table has a caption");
            table.select("th").forEach(th -> assertTrue(th.hasAttr("scope"), "th " + th.text() + " has a scope"));
        }
        for (int i = 0; i < 4; i++) {
            JsonNode objective = golden.get("objectives").get(i);
            Element heading = page.getElementById("objective-" + (i + 1));
            assertEquals("Objective " + (i + 1) + ": " + objective.get("title").asText(), heading.text());
            String caption = "Actions of objective " + (i + 1) + ", in order";
            Element table = page.select("table").stream().filter(t -> t.select("caption").text().equals(caption)).findFirst().orElseThrow();
            List<String> rows = table.select("tbody tr > th").eachText();
            List<String> expected = references(objective).stream().map(r -> r.isEmpty() ? "(none)" : r).toList();
            assertEquals(expected, rows);
            List<String> texts = table.select("tbody tr > td:nth-of-type(1)").eachText();
            List<String> goldenTexts = new ArrayList<>();
            objective.get("actions").forEach(a -> goldenTexts.add(a.get("text").asText()));
            assertEquals(goldenTexts, texts);
        }
        // The plan's history closes the document: its creation, then its submission.
        List<String> changes = page.select("#history + table tbody tr td:nth-of-type(2)").eachText();
        assertEquals(2, changes.size(), "created, then submitted: " + changes);
        assertTrue(changes.get(1).toLowerCase(java.util.Locale.ROOT).contains("submitted"), changes.toString());
        write("kent-2021-plan.html", html.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theMarkdownListsEachObjectiveWithItsActionsInOrder() {
        String markdown = new String(render(ReportFormat.REPORT_FORMAT_MARKDOWN), StandardCharsets.UTF_8);
        int at = 0;
        for (int i = 0; i < 4; i++) {
            JsonNode objective = golden.get("objectives").get(i);
            at = markdown.indexOf("## Objective " + (i + 1) + ": " + objective.get("title").asText(), at);
            assertTrue(at >= 0, "objective " + (i + 1) + " in order");
            for (JsonNode action : objective.get("actions")) {
                String reference = action.get("reference").asText();
                at = markdown.indexOf("| " + (reference.isEmpty() ? "(none)" : reference) + " | " + action.get("text").asText().substring(0, 30), at);
                assertTrue(at >= 0, "action " + reference + " of objective " + (i + 1) + " in order");
            }
        }
    }

    @Test
    void thePdfListsEachObjectiveWithItsActionsInOrder() throws Exception {
        byte[] pdf = render(ReportFormat.REPORT_FORMAT_PDF);
        write("kent-2021-plan.pdf", pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertTrue(document.getDocumentCatalog().getMarkInfo() != null && document.getDocumentCatalog().getMarkInfo().isMarked(), "tagged");
            String text = new PDFTextStripper().getText(document);
            int at = 0;
            for (int i = 0; i < 4; i++) {
                at = text.indexOf("Objective " + (i + 1) + ":", at);
                assertTrue(at >= 0, "objective " + (i + 1) + " in order");
                for (String reference : references(golden.get("objectives").get(i))) {
                    // Each row begins a line with its reference (the row header cell).
                    at = text.indexOf("\n" + (reference.isEmpty() ? "(none)" : reference) + " ", at);
                    assertTrue(at >= 0, "action " + reference + " of objective " + (i + 1) + " in order:\n" + text);
                }
            }
        }
    }

    @Test
    void theJsonIsThePlanMessage() throws Exception {
        ImprovementPlan.Builder parsed = ImprovementPlan.newBuilder();
        JsonFormat.parser().merge(new String(render(ReportFormat.REPORT_FORMAT_JSON), StandardCharsets.UTF_8), parsed);
        assertEquals(submitted.getObjectivesList(), parsed.getObjectivesList());
    }

    /** Where CI's accessibility audit reads renditions: yardstick.renditions.dir, else the suite's target. */
    private static void write(String file, byte[] content) throws Exception {
        Path dir = Path.of(System.getProperty("yardstick.renditions.dir", "../suite/target/renditions"));
        Files.createDirectories(dir);
        Files.write(dir.resolve(file), content);
    }
}
