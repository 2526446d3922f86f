package yardstick.reports.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.FieldMask;
import com.google.rpc.BadRequest;
import com.google.rpc.PreconditionFailure;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import yardstick.cases.v1.GetJudgementTalliesResponse;
import yardstick.cases.v1.Inspection;
import yardstick.cases.v1.InspectionState;
import yardstick.cases.v1.PopulationSummary;
import yardstick.cases.v1.Sample;
import yardstick.cases.v1.SamplePlan;
import yardstick.common.v1.Rating;
import yardstick.platform.grpc.Times;
import yardstick.platform.identity.Role;
import yardstick.platform.testing.GrpcServiceTest;
import yardstick.platform.testing.MutableClock;
import yardstick.platform.testing.TestIdentity;
import yardstick.ratings.v1.CalculateRatingsResponse;
import yardstick.ratings.v1.Domain;
import yardstick.ratings.v1.Framework;
import yardstick.ratings.v1.RatingSnapshot;
import yardstick.ratings.v1.Standard;
import yardstick.ratings.v1.StandardBasis;
import yardstick.ratings.v1.StandardRating;
import yardstick.reports.peers.CaseServiceClient;
import yardstick.reports.peers.RatingServiceClient;
import yardstick.reports.v1.AnswerFactualAccuracyCommentRequest;
import yardstick.reports.v1.CreateFactualAccuracyCommentRequest;
import yardstick.reports.v1.CreateReportRequest;
import yardstick.reports.v1.CreateReportResponse;
import yardstick.reports.v1.FactualAccuracyAnswer;
import yardstick.reports.v1.FactualAccuracyCheck;
import yardstick.reports.v1.FactualAccuracyComment;
import yardstick.reports.v1.GetFactualAccuracyCheckRequest;
import yardstick.reports.v1.GetReportRequest;
import yardstick.reports.v1.ListReportEventsRequest;
import yardstick.reports.v1.ListReportVersionsRequest;
import yardstick.reports.v1.Publication;
import yardstick.reports.v1.PublishReportRequest;
import yardstick.reports.v1.Recommendation;
import yardstick.reports.v1.RefreshReportFiguresRequest;
import yardstick.reports.v1.Report;
import yardstick.reports.v1.ReportEvent;
import yardstick.reports.v1.ReportServiceGrpc;
import yardstick.reports.v1.ReturnFactualAccuracyCheckRequest;
import yardstick.reports.v1.SendForFactualAccuracyCheckRequest;
import yardstick.reports.v1.StandardNarrative;
import yardstick.reports.v1.StandardSection;
import yardstick.reports.v1.UpdateReportRequest;

/**
 * A report's way to publication: drafted once the inspection is being rated, one per inspection,
 * checked for factual accuracy by the inspected service, published on the latest ratings by someone
 * other than its author. case-service and rating-service answer as the neighbours below, which a
 * test can take down.
 */
@MicronautTest(transactional = false)
class ReportWorkflowTest extends GrpcServiceTest {

    private static final Map<String, InspectionState> STATES = Neighbours.STATES;
    private static final Map<String, Integer> LATEST_SNAPSHOT = Neighbours.LATEST_SNAPSHOT;
    private static final AtomicInteger NEIGHBOUR_CALLS = Neighbours.CALLS;

    private final MutableClock clock = new MutableClock(Instant.parse("2021-08-02T09:00:00Z"));

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    private ReportServiceGrpc.ReportServiceBlockingStub as(String subject, Role role) {
        return ReportServiceGrpc.newBlockingStub(signedIn(TestIdentity.token(subject, role)));
    }

    private ReportServiceGrpc.ReportServiceBlockingStub lead() {
        return as("lead-inspector-1", Role.LEAD_INSPECTOR);
    }

    private ReportServiceGrpc.ReportServiceBlockingStub publisher() {
        return as("publisher-1", Role.PUBLISHER);
    }

    /** inspected-service-1 speaks for Kent. */
    private ReportServiceGrpc.ReportServiceBlockingStub kent() {
        return as("inspected-service-1", Role.INSPECTED_SERVICE);
    }

    private static String newInspection() {
        return "inspections/" + UUID.randomUUID();
    }

    private static CreateReportRequest create(String inspection) {
        return CreateReportRequest.newBuilder().setInspection(inspection).setRequestId(UUID.randomUUID().toString()).build();
    }

    /** The lead drafts the inspection's report and writes what publication needs. */
    private Report written(String inspection) {
        Report draft = lead().createReport(create(inspection)).getReport();
        return lead().updateReport(UpdateReportRequest.newBuilder().setName(draft.getName()).setEtag(draft.getEtag())
                .setExecutiveSummary("Leadership is strong.").addRecommendations(Recommendation.newBuilder().setNumber(1)
                        .setAddressedTo("the management board").setText("Keep the board informed.")).build()).getReport();
    }

    private FactualAccuracyCheck sent(Report report, Duration forCheck) {
        return lead().sendForFactualAccuracyCheck(SendForFactualAccuracyCheckRequest.newBuilder().setName(report.getName())
                .setEtag(report.getEtag()).setDeadline(Times.timestamp(clock.instant().plus(forCheck)))
                .setRequestId(UUID.randomUUID().toString()).build()).getCheck();
    }

    /** Sent, and returned by the service without comment. */
    private void checked(Report report) {
        FactualAccuracyCheck check = sent(report, Duration.ofDays(10));
        kent().returnFactualAccuracyCheck(ReturnFactualAccuracyCheckRequest.newBuilder().setName(check.getName())
                .setRequestId(UUID.randomUUID().toString()).build());
    }

    private static PublishReportRequest publish(Report report) {
        return PublishReportRequest.newBuilder().setName(report.getName()).setEtag(report.getEtag())
                .setRequestId(UUID.randomUUID().toString()).build();
    }

    private FactualAccuracyComment comment(FactualAccuracyCheck check, String section, String text) {
        return kent().createFactualAccuracyComment(CreateFactualAccuracyCommentRequest.newBuilder().setParent(check.getName())
                .setSection(section).setText(text).setRequestId(UUID.randomUUID().toString()).build()).getComment();
    }

    private static AnswerFactualAccuracyCommentRequest answer(FactualAccuracyComment comment, FactualAccuracyAnswer answer, String reason) {
        return AnswerFactualAccuracyCommentRequest.newBuilder().setName(comment.getName()).setAnswer(answer).setReason(reason)
                .setRequestId(UUID.randomUUID().toString()).build();
    }

    private static PreconditionFailure.Violation refusal(StatusRuntimeException error) throws Exception {
        assertEquals(Status.Code.FAILED_PRECONDITION, error.getStatus().getCode(), error.getStatus().getDescription());
        PreconditionFailure failure = StatusProto.fromThrowable(error).getDetails(0).unpack(PreconditionFailure.class);
        assertEquals(1, failure.getViolationsCount(), failure.toString());
        return failure.getViolations(0);
    }

    private static String badField(StatusRuntimeException error) throws Exception {
        assertEquals(Status.Code.INVALID_ARGUMENT, error.getStatus().getCode(), error.getStatus().getDescription());
        return StatusProto.fromThrowable(error).getDetails(0).unpack(BadRequest.class).getFieldViolations(0).getField();
    }

    @Test
    void aReportIsDraftedOnlyOnceTheInspectionIsBeingRated() throws Exception {
        String inspection = newInspection();
        STATES.put(inspection, InspectionState.INSPECTION_STATE_FIELDWORK);
        PreconditionFailure.Violation state = refusal(assertThrows(StatusRuntimeException.class, () -> lead().createReport(create(inspection))));
        assertEquals("STATE", state.getType());
        assertEquals(inspection, state.getSubject());
        assertTrue(state.getDescription().contains("RATING") && state.getDescription().contains("FIELDWORK"), state.getDescription());

        STATES.put(inspection, InspectionState.INSPECTION_STATE_RATING);
        CreateReportResponse drafted = lead().createReport(create(inspection));
        assertFalse(drafted.getExisting(), "the refused request made no report");
        assertEquals(inspection, drafted.getReport().getInspection());

        String closed = newInspection();
        STATES.put(closed, InspectionState.INSPECTION_STATE_CLOSED);
        assertEquals(closed, lead().createReport(create(closed)).getReport().getInspection(), "a closed inspection is reported on too");
    }

    @Test
    void aSecondCreateReportForAnInspectionAnswersTheReportItHas() {
        String inspection = newInspection();
        Report first = lead().createReport(create(inspection)).getReport();
        Report written = lead().updateReport(UpdateReportRequest.newBuilder().setName(first.getName()).setEtag(first.getEtag())
                .setBackground("Kent is a county in the south east.").build()).getReport();

        CreateReportResponse second = lead().createReport(create(inspection));
        assertTrue(second.getExisting(), "the answer says the report existed");
        assertEquals(written, second.getReport(), "the inspection's report as it stands: its latest version, with its etag");
        assertEquals(2, lead().listReportVersions(ListReportVersionsRequest.newBuilder().setName(first.getName()).build())
                .getVersionsCount(), "nothing new was made");
    }

    @Test
    void aRetryOfCreateReportAfterTheNeighboursWentDownAnswersTheFirstAnswer() {
        String inspection = newInspection();
        CreateReportRequest request = create(inspection);
        CreateReportResponse first = lead().createReport(request);
        Neighbours.down = true;
        try {
            int asked = NEIGHBOUR_CALLS.get();
            assertEquals(first, lead().createReport(request), "a retry is answered with the first answer");
            CreateReportResponse again = lead().createReport(create(inspection));
            assertTrue(again.getExisting());
            assertEquals(first.getReport().getName(), again.getReport().getName(), "another request for the inspection gets its report");
            assertEquals(asked, NEIGHBOUR_CALLS.get(), "neither asked a neighbour");

            StatusRuntimeException unavailable = assertThrows(StatusRuntimeException.class, () -> lead().createReport(create(newInspection())));
            assertEquals(Status.Code.UNAVAILABLE, unavailable.getStatus().getCode());
            assertTrue(unavailable.getStatus().getDescription().startsWith("case-service"), unavailable.getStatus().getDescription());
        } finally {
            Neighbours.down = false;
        }
    }

    @Test
    void aVersionWhoseRatingsAreNoLongerTheLatestIsNotPublishedUntilItsFiguresAreRefreshed() throws Exception {
        String inspection = newInspection();
        Report report = written(inspection);
        checked(report);
        LATEST_SNAPSHOT.put(inspection, 2);

        PreconditionFailure.Violation stale = refusal(assertThrows(StatusRuntimeException.class, () -> publisher().publishReport(publish(report))));
        assertEquals("STALE_RATINGS", stale.getType());
        assertTrue(stale.getDescription().contains(inspection + "/ratingSnapshots/1")
                && stale.getDescription().contains(inspection + "/ratingSnapshots/2"), "names both snapshots: " + stale.getDescription());
        assertFalse(lead().getReport(GetReportRequest.newBuilder().setName(report.getName()).build()).getReport().getPublished());

        // The lead brings the figures up to the latest ratings, keeping the words; then the report is published.
        Report refreshed = lead().refreshReportFigures(RefreshReportFiguresRequest.newBuilder().setName(report.getName())
                .setEtag(report.getEtag()).setRequestId(UUID.randomUUID().toString()).build()).getReport();
        assertEquals(inspection + "/ratingSnapshots/2", refreshed.getRatingsSnapshot());
        assertEquals(report.getVersion() + 1, refreshed.getVersion());
        assertEquals(report.getExecutiveSummary(), refreshed.getExecutiveSummary());
        assertEquals(report.getRecommendationsList(), refreshed.getRecommendationsList());
        assertEquals(refreshed.getVersion(), publisher().publishReport(publish(refreshed)).getPublication().getReportVersion());
    }

    @Test
    void theAuthorOfAVersionDoesNotPublishIt() throws Exception {
        Report draft = written(newInspection());
        checked(draft);
        // publisher-1 writes the last words: another publisher reviews and publishes them.
        Report byPublisher = publisher().updateReport(UpdateReportRequest.newBuilder().setName(draft.getName()).setEtag(draft.getEtag())
                .setBackground("Written by the publisher.").build()).getReport();

        PreconditionFailure.Violation fourEyes = refusal(assertThrows(StatusRuntimeException.class,
                () -> publisher().publishReport(publish(byPublisher))));
        assertEquals("FOUR_EYES", fourEyes.getType());
        assertTrue(fourEyes.getDescription().contains("publisher-1"), fourEyes.getDescription());

        Publication published = as("publisher-2", Role.PUBLISHER).publishReport(publish(byPublisher)).getPublication();
        assertEquals(byPublisher.getVersion(), published.getReportVersion());
    }

    @Test
    void publicationWaitsForTheFactualAccuracyCheckAndEveryCommentsAnswerAndTheRoundIsInTheHistory() throws Exception {
        Report report = written(newInspection());
        PreconditionFailure.Violation unsent = refusal(assertThrows(StatusRuntimeException.class, () -> publisher().publishReport(publish(report))));
        assertEquals("FACTUAL_ACCURACY", unsent.getType());

        FactualAccuracyCheck check = sent(report, Duration.ofDays(10));
        assertEquals(report.getVersion(), check.getReportVersion());
        assertFalse(check.getComplete());
        // The service reads the draft it was sent; another service reaches neither the draft nor its check.
        assertEquals(report, kent().getReport(GetReportRequest.newBuilder().setName(report.getName()).build()).getReport());
        ReportServiceGrpc.ReportServiceBlockingStub harrow = as("inspected-service-2", Role.INSPECTED_SERVICE);
        assertEquals(Status.Code.PERMISSION_DENIED, assertThrows(StatusRuntimeException.class, () -> harrow.createFactualAccuracyComment(
                CreateFactualAccuracyCommentRequest.newBuilder().setParent(check.getName()).setSection("1.1").setText("Not ours.")
                        .setRequestId(UUID.randomUUID().toString()).build())).getStatus().getCode());
        assertEquals("section", badField(assertThrows(StatusRuntimeException.class, () -> comment(check, "9.9", "No such section."))));

        clock.set(clock.instant().plus(Duration.ofDays(1)));
        FactualAccuracyComment comment = comment(check, "1.1", "The board met monthly, not quarterly.");
        assertEquals("1.1", comment.getSection());
        assertEquals("inspected-service-1", comment.getCommentedBy());
        kent().returnFactualAccuracyCheck(ReturnFactualAccuracyCheckRequest.newBuilder().setName(check.getName())
                .setRequestId(UUID.randomUUID().toString()).build());
        assertEquals("CHECK_CLOSED", refusal(assertThrows(StatusRuntimeException.class,
                () -> comment(check, "1.2", "One more."))).getType(), "a returned check takes no more comments");

        PreconditionFailure.Violation unanswered = refusal(assertThrows(StatusRuntimeException.class,
                () -> publisher().publishReport(publish(report))));
        assertEquals("FACTUAL_ACCURACY", unanswered.getType());
        assertTrue(unanswered.getDescription().contains("1 of the service's factual-accuracy comments is not answered"),
                unanswered.getDescription());

        assertEquals("reason", badField(assertThrows(StatusRuntimeException.class,
                () -> lead().answerFactualAccuracyComment(answer(comment, FactualAccuracyAnswer.FACTUAL_ACCURACY_ANSWER_DECLINED, "")))));
        clock.set(clock.instant().plus(Duration.ofDays(1)));
        FactualAccuracyComment declined = lead().answerFactualAccuracyComment(answer(comment,
                FactualAccuracyAnswer.FACTUAL_ACCURACY_ANSWER_DECLINED, "The minutes we saw record quarterly meetings.")).getComment();
        assertEquals("lead-inspector-1", declined.getAnsweredBy());
        assertEquals("ANSWERED", refusal(assertThrows(StatusRuntimeException.class, () -> lead().answerFactualAccuracyComment(
                answer(comment, FactualAccuracyAnswer.FACTUAL_ACCURACY_ANSWER_ACCEPTED, "")))).getType());
        assertTrue(lead().getFactualAccuracyCheck(GetFactualAccuracyCheckRequest.newBuilder().setName(check.getName()).build())
                .getCheck().getComplete());

        clock.set(clock.instant().plus(Duration.ofDays(1)));
        Publication published = publisher().publishReport(publish(report)).getPublication();

        List<ReportEvent> history = lead().listReportEvents(ListReportEventsRequest.newBuilder().setName(report.getName()).build())
                .getEventsList();
        assertEquals(List.of("lead-inspector-1", "lead-inspector-1", "lead-inspector-1", "inspected-service-1", "inspected-service-1",
                "lead-inspector-1", "publisher-1"), history.stream().map(ReportEvent::getActor).toList());
        assertEquals(List.of(report.getName() + "@1", report.getName() + "@2", check.getName(), comment.getName(), check.getName(),
                comment.getName(), published.getName()), history.stream().map(ReportEvent::getResource).toList());
        assertTrue(history.get(3).getDescription().contains("on 1.1: The board met monthly, not quarterly."), history.get(3).getDescription());
        assertTrue(history.get(5).getDescription().contains("declined: The minutes we saw record quarterly meetings."),
                history.get(5).getDescription());
    }

    @Test
    void anUnansweredCommentHoldsPublicationBackOnlyUntilTheChecksDeadline() throws Exception {
        Report report = written(newInspection());
        FactualAccuracyCheck check = sent(report, Duration.ofDays(10));
        comment(check, "ratings_table", "Standard 1.2 should read Outstanding.");
        assertEquals("FACTUAL_ACCURACY", refusal(assertThrows(StatusRuntimeException.class,
                () -> publisher().publishReport(publish(report)))).getType());

        clock.set(clock.instant().plus(Duration.ofDays(10)));
        assertEquals("CHECK_CLOSED", refusal(assertThrows(StatusRuntimeException.class,
                () -> comment(check, "1.2", "Too late."))).getType(), "past its deadline the check takes no comment");
        Publication published = publisher().publishReport(publish(report)).getPublication();
        assertEquals(report.getVersion(), published.getReportVersion());
    }

    @Test
    void anUpdateWithoutAMaskChangesOnlyThePartsSentAndAMaskExactlyThoseItNames() throws Exception {
        Report draft = written(newInspection());
        Report narrated = lead().updateReport(UpdateReportRequest.newBuilder().setName(draft.getName()).setEtag(draft.getEtag())
                .addNarratives(StandardNarrative.newBuilder().setStandard("1.1").setNarrative("The board is strong.")).build()).getReport();

        Report background = lead().updateReport(UpdateReportRequest.newBuilder().setName(draft.getName()).setEtag(narrated.getEtag())
                .setBackground("Kent is a county.")
                .addNarratives(StandardNarrative.newBuilder().setStandard("1.2").setNarrative("Staff are well supported.")).build()).getReport();
        assertEquals("Kent is a county.", background.getBackground());
        assertEquals("Leadership is strong.", background.getExecutiveSummary(), "the summary, not sent, is kept");
        assertEquals(draft.getRecommendationsList(), background.getRecommendationsList(), "so are the recommendations");
        assertEquals(List.of("The board is strong.", "Staff are well supported."),
                background.getStandardsList().stream().map(StandardSection::getNarrative).toList(), "and 1.1's narrative, not sent");

        Report cleared = lead().updateReport(UpdateReportRequest.newBuilder().setName(draft.getName()).setEtag(background.getEtag())
                .setUpdateMask(FieldMask.newBuilder().addPaths("executive_summary")).setBackground("Ignored: not in the mask.").build())
                .getReport();
        assertEquals("", cleared.getExecutiveSummary(), "named in the mask and sent empty: cleared");
        assertEquals("Kent is a county.", cleared.getBackground(), "not named: kept, though sent");

        assertEquals("update_mask", badField(assertThrows(StatusRuntimeException.class, () -> lead().updateReport(
                UpdateReportRequest.newBuilder().setName(draft.getName()).setEtag(cleared.getEtag()).build()))), "nothing to update");
    }
}
