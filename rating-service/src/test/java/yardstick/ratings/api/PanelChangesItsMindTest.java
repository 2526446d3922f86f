package yardstick.ratings.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.PreconditionFailure;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import yardstick.common.v1.Rating;
import yardstick.platform.testing.GrpcServiceTest;
import yardstick.platform.testing.TestIdentity;
import yardstick.ratings.peers.CaseServiceClient.Stage;
import yardstick.ratings.v1.ActState;
import yardstick.ratings.v1.ComputeRatingsRequest;
import yardstick.ratings.v1.GetRatingSnapshotRequest;
import yardstick.ratings.v1.ListDiscretionDecisionsRequest;
import yardstick.ratings.v1.ListQualitativeRatingsRequest;
import yardstick.ratings.v1.RatingServiceGrpc;
import yardstick.ratings.v1.RatingSnapshot;
import yardstick.ratings.v1.RecordDiscretionDecisionRequest;
import yardstick.ratings.v1.RecordQualitativeRatingRequest;
import yardstick.ratings.v1.RecordedDiscretionDecision;
import yardstick.ratings.v1.RecordedQualitativeRating;
import yardstick.ratings.v1.StandardRating;
import yardstick.ratings.v1.WithdrawDiscretionDecisionRequest;

/**
 * The ratings panel changes its mind on the record: a decision or rating withdrawn or superseded,
 * with a reason, who and when, the history kept, and each snapshot showing what was in force. A
 * decision whose ground the judgements took away is reported, and the ratings still computed.
 * Resettlement is rated only when the sample has resettlement cases. Kent's and Harrow's published
 * counts are the judgements; the figures expected are the reports'.
 */
@MicronautTest(transactional = false)
class PanelChangesItsMindTest extends GrpcServiceTest {

    private static final String KENT = "frameworks/youth-2019";
    private static final String HARROW = "frameworks/youth-2021";
    private static final String PANEL_REASON_34 = "rated on four youth conditional cautions; one more positive case would give 75 per cent";

    @Inject
    CaseServiceAsTestsSetIt caseService;
    private RatingServiceGrpc.RatingServiceBlockingStub ratings;

    @BeforeEach
    void stub() {
        ratings = RatingServiceGrpc.newBlockingStub(channel);
    }

    @Test
    void thePanelWithdrawsAndSupersedesOnTheRecordAndEachSnapshotShowsWhatWasInForce() throws Exception {
        String inspection = kentBeingRated();
        RecordedDiscretionDecision first = decide(inspection, "3.4", Rating.RATING_GOOD, PANEL_REASON_34, "", "");
        RatingSnapshot withDecision = compute(inspection);
        assertEquals(18, withDecision.getRatings().getScore(), "Kent's published score, with the panel's decision on 3.4");
        assertEquals(List.of(first), withDecision.getActsInForce().getDiscretionDecisionsList());

        // A second decision on 3.4 that does not name the one in force is refused: the panel replaces a decision on the record.
        PreconditionFailure.Violation unnamed = brokenRule(() -> decide(inspection, "3.4", Rating.RATING_GOOD, "again", "", ""));
        assertEquals("SUPERSEDES", unnamed.getType());
        assertTrue(unnamed.getDescription().contains(first.getName()), unnamed.getDescription());

        RecordedDiscretionDecision withdrawn = ratings.withdrawDiscretionDecision(WithdrawDiscretionDecisionRequest.newBuilder()
                .setName(first.getName()).setReason("the panel wants to read the four cases again").setRequestId(id()).build()).getDecision();
        assertEquals(ActState.ACT_STATE_WITHDRAWN, withdrawn.getState());
        assertEquals("the panel wants to read the four cases again", withdrawn.getEnding().getReason());
        assertEquals(TestIdentity.TESTER, withdrawn.getEnding().getEndedBy());
        assertTrue(withdrawn.getEnding().hasEndTime());
        assertEquals("", withdrawn.getEnding().getSupersededBy());
        assertEquals("ACT_STATE", brokenRule(() -> ratings.withdrawDiscretionDecision(WithdrawDiscretionDecisionRequest.newBuilder()
                .setName(first.getName()).setReason("twice").setRequestId(id()).build())).getType(), "withdrawn once only");

        RatingSnapshot withoutDecision = compute(inspection);
        assertEquals(Rating.RATING_REQUIRES_IMPROVEMENT, standard(withoutDecision, "3.4").getRating());
        assertEquals(17, withoutDecision.getRatings().getScore(), "without the panel's decision 3.4 scores 1, not 2");
        assertEquals(0, withoutDecision.getActsInForce().getDiscretionDecisionsCount());

        RecordedDiscretionDecision second = decide(inspection, "3.4", Rating.RATING_GOOD, "the four cases read again", "", "");
        RecordedDiscretionDecision third = decide(inspection, "3.4", Rating.RATING_GOOD, PANEL_REASON_34, second.getName(),
                "the rationale the report will print");
        assertEquals(second.getName(), third.getSupersedes());
        RecordedQualitativeRating staff = qualitativeInForce(inspection, "1.2");
        RecordedQualitativeRating staffRaised = rate(inspection, "1.2", Rating.RATING_GOOD, staff.getName(), "the staff survey came in late");
        assertEquals(staff.getName(), staffRaised.getSupersedes());

        RatingSnapshot changed = compute(inspection);
        assertEquals(Rating.RATING_GOOD, standard(changed, "1.2").getRating());
        assertEquals(19, changed.getRatings().getScore(), "1.2 raised from Requires improvement (1) to Good (2)");
        assertEquals(Rating.RATING_GOOD, changed.getRatings().getOverall(), "19-30 is Good");
        assertEquals(List.of(third.getName()), changed.getActsInForce().getDiscretionDecisionsList().stream()
                .map(RecordedDiscretionDecision::getName).toList());
        assertTrue(changed.getActsInForce().getQualitativeRatingsList().contains(staffRaised));

        // The history: every act in the order recorded, with how each ended.
        List<RecordedDiscretionDecision> decisions = ratings.listDiscretionDecisions(ListDiscretionDecisionsRequest.newBuilder()
                .setInspection(inspection).build()).getDecisionsList();
        assertEquals(List.of(first.getName(), second.getName(), third.getName()), decisions.stream().map(RecordedDiscretionDecision::getName).toList());
        assertEquals(List.of(ActState.ACT_STATE_WITHDRAWN, ActState.ACT_STATE_SUPERSEDED, ActState.ACT_STATE_IN_FORCE),
                decisions.stream().map(RecordedDiscretionDecision::getState).toList());
        assertEquals(third.getName(), decisions.get(1).getEnding().getSupersededBy());
        assertEquals("the rationale the report will print", decisions.get(1).getEnding().getReason());
        List<RecordedQualitativeRating> staffHistory = ratings.listQualitativeRatings(ListQualitativeRatingsRequest.newBuilder()
                .setInspection(inspection).build()).getRatingsList().stream().filter(r -> r.getStandard().equals("1.2")).toList();
        assertEquals(List.of(ActState.ACT_STATE_SUPERSEDED, ActState.ACT_STATE_IN_FORCE),
                staffHistory.stream().map(RecordedQualitativeRating::getState).toList());
        assertEquals(Rating.RATING_REQUIRES_IMPROVEMENT, staffHistory.get(0).getRating());
        assertEquals("the staff survey came in late", staffHistory.get(0).getEnding().getReason());

        // Each snapshot still shows what was in force when it was computed.
        RatingSnapshot firstAgain = ratings.getRatingSnapshot(GetRatingSnapshotRequest.newBuilder().setName(withDecision.getName()).build())
                .getSnapshot();
        assertEquals(withDecision, firstAgain);
        assertEquals(ActState.ACT_STATE_IN_FORCE, firstAgain.getActsInForce().getDiscretionDecisions(0).getState());
        assertEquals(Rating.RATING_REQUIRES_IMPROVEMENT, firstAgain.getActsInForce().getQualitativeRatingsList().stream()
                .filter(r -> r.getStandard().equals("1.2")).findFirst().orElseThrow().getRating());
    }

    @Test
    void aDecisionThatLostItsGroundWhenTheJudgementsChangedIsReportedAndTheRatingsStillComputed() throws Exception {
        String inspection = kentBeingRated();
        RecordedDiscretionDecision decision = decide(inspection, "3.4", Rating.RATING_GOOD, PANEL_REASON_34, "", "");

        // Later judgements lift 3.4: 17 of 26 is 65 per cent and 3 of 4 is 75, so its lowest key question is Good without the panel.
        caseService.judged(inspection, "3.4.1", 17, 26);
        caseService.judged(inspection, "3.4.2", 3, 4);
        RatingSnapshot lifted = compute(inspection);
        StandardRating jointWorking = standard(lifted, "3.4");
        assertEquals(Rating.RATING_GOOD, jointWorking.getRating(), "rated by its band");
        assertFalse(jointWorking.getCaseBased().getDiscretionApplied());
        assertTrue(jointWorking.getCaseBased().hasDiscretionLostGround(), "the panel is told its decision has lost its ground");
        assertEquals(Rating.RATING_GOOD, jointWorking.getCaseBased().getDiscretionLostGround().getRating());
        assertEquals(PANEL_REASON_34, jointWorking.getCaseBased().getDiscretionLostGround().getRationale());
        assertTrue(jointWorking.getCaseBased().getDiscretionLostGround().getReason().contains("already rated Good"),
                jointWorking.getCaseBased().getDiscretionLostGround().getReason());
        assertEquals(18, lifted.getRatings().getScore());
        assertEquals(List.of(decision), lifted.getActsInForce().getDiscretionDecisionsList(), "the decision is still in force, on the record");
        assertEquals(0, lifted.getInputs().getDiscretionDecisionsCount(), "a decision without ground is no input of the ratings");
        assertEquals(lifted.getRatings().getScore(), ratings.calculateRatings(lifted.getInputs()).getScore());

        // Judgements that drop 3.4.2 to none of four: Good is two bands from Inadequate, so the decision cannot stand either.
        caseService.judged(inspection, "3.4.2", 0, 4);
        RatingSnapshot dropped = compute(inspection);
        assertEquals(Rating.RATING_INADEQUATE, standard(dropped, "3.4").getRating());
        assertTrue(standard(dropped, "3.4").getCaseBased().hasDiscretionLostGround());
        assertEquals(16, dropped.getRatings().getScore(), "3.4 scores 0 by its band: 18 - 2");

        // The panel acts: it withdraws the decision, and the next ratings report nothing.
        ratings.withdrawDiscretionDecision(WithdrawDiscretionDecisionRequest.newBuilder().setName(decision.getName())
                .setReason("the judgements no longer support it").setRequestId(id()).build());
        assertFalse(standard(compute(inspection), "3.4").getCaseBased().hasDiscretionLostGround());
    }

    @Test
    void withoutResettlementCasesResettlementIsNotRatedAndCannotBeRated() throws Exception {
        String inspection = harrowBeingRated(0);
        PreconditionFailure.Violation refused = brokenRule(() -> rate(inspection, "4.1", Rating.RATING_GOOD, "", ""));
        assertEquals("NOT_RATED", refused.getType());
        assertEquals(inspection, refused.getSubject());

        RatingSnapshot harrow = compute(inspection);
        assertFalse(harrow.getRatings().getResettlementRated(), "Harrow had no custody cases: 4.1 is not rated");
        assertEquals(Rating.RATING_UNSPECIFIED, harrow.getRatings().getResettlement());
        assertTrue(harrow.getRatings().getStandardRatingsList().stream().noneMatch(s -> s.getStandard().equals("4.1")));
        assertEquals(0, harrow.getResettlementCases());
        assertEquals(17, harrow.getRatings().getScore(), "Harrow's published 17/36");
        assertEquals(Rating.RATING_REQUIRES_IMPROVEMENT, harrow.getRatings().getOverall());
    }

    @Test
    void withResettlementCasesResettlementIsRatedSeparatelyOutsideTheScore() throws Exception {
        String inspection = harrowBeingRated(3);
        PreconditionFailure.Violation notReady = brokenRule(() -> compute(inspection));
        assertEquals("NOT_READY", notReady.getType());
        assertTrue(notReady.getDescription().contains("standard 4.1"), notReady.getDescription());

        rate(inspection, "4.1", Rating.RATING_INADEQUATE, "", "");
        RatingSnapshot rated = compute(inspection);
        assertTrue(rated.getRatings().getResettlementRated());
        assertEquals(Rating.RATING_INADEQUATE, rated.getRatings().getResettlement());
        StandardRating resettlement = standard(rated, "4.1");
        assertTrue(resettlement.getRatedSeparately());
        assertEquals(0, resettlement.getScore());
        assertEquals(3, rated.getResettlementCases());
        assertEquals(17, rated.getRatings().getScore(), "resettlement counts in no score");
        assertEquals(36, rated.getRatings().getMaximumScore());
        assertFalse(rated.getRatings().getLimitingJudgementApplied(), "17 is Requires improvement: nothing for the limit to stop");
    }

    /** Kent's inspection in the rating stage, its judgements as published, domain one rated as published. */
    private String kentBeingRated() {
        String inspection = "inspections/kent-" + UUID.randomUUID();
        caseService.inspection(inspection, KENT, Stage.RATING, CaseServiceAsTestsSetIt.kent(), 0);
        for (String standard : List.of("1.1", "1.2", "1.3", "1.4")) {
            rate(inspection, standard, Rating.valueOf("RATING_" + yardstick.ratings.Golden.KENT.publishedRatings().get(standard)), "", "");
        }
        return inspection;
    }

    /** Harrow's inspection in the rating stage, its qualitative standards rated and its discretion decided as published. */
    private String harrowBeingRated(int resettlementCases) {
        String inspection = "inspections/harrow-" + UUID.randomUUID();
        caseService.inspection(inspection, HARROW, Stage.RATING, CaseServiceAsTestsSetIt.harrow(), resettlementCases);
        for (String standard : List.of("1.1", "1.2", "1.3", "1.4", "3.4")) {
            rate(inspection, standard, Rating.valueOf("RATING_" + yardstick.ratings.Golden.HARROW.publishedRatings().get(standard)), "", "");
        }
        decide(inspection, "2.2", Rating.RATING_GOOD, "keeping other people safe was one point below Good", "", "");
        return inspection;
    }

    private RecordedQualitativeRating rate(String inspection, String standard, Rating rating, String supersedes, String reason) {
        return ratings.recordQualitativeRating(RecordQualitativeRatingRequest.newBuilder().setRequestId(id()).setSupersedeReason(reason)
                .setRating(RecordedQualitativeRating.newBuilder().setInspection(inspection).setStandard(standard).setRating(rating)
                        .setRationale("judged against the ratings characteristics").setSupersedes(supersedes)).build()).getRating();
    }

    private RecordedDiscretionDecision decide(String inspection, String standard, Rating to, String rationale, String supersedes,
                                              String reason) {
        return ratings.recordDiscretionDecision(RecordDiscretionDecisionRequest.newBuilder().setRequestId(id()).setSupersedeReason(reason)
                .setDecision(RecordedDiscretionDecision.newBuilder().setInspection(inspection).setStandard(standard).setTo(to)
                        .setRationale(rationale).setSupersedes(supersedes)).build()).getDecision();
    }

    private RecordedQualitativeRating qualitativeInForce(String inspection, String standard) {
        return ratings.listQualitativeRatings(ListQualitativeRatingsRequest.newBuilder().setInspection(inspection).build()).getRatingsList()
                .stream().filter(r -> r.getStandard().equals(standard) && r.getState() == ActState.ACT_STATE_IN_FORCE).findFirst().orElseThrow();
    }

    private RatingSnapshot compute(String inspection) {
        return ratings.computeRatings(ComputeRatingsRequest.newBuilder().setInspection(inspection).setRequestId(id()).build()).getSnapshot();
    }

    private static StandardRating standard(RatingSnapshot snapshot, String id) {
        return snapshot.getRatings().getStandardRatingsList().stream().filter(s -> s.getStandard().equals(id)).findFirst().orElseThrow();
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    static PreconditionFailure.Violation brokenRule(Runnable call) throws Exception {
        StatusRuntimeException error = assertThrows(StatusRuntimeException.class, call::run);
        assertEquals(Status.Code.FAILED_PRECONDITION, error.getStatus().getCode(), error.getStatus().toString());
        return StatusProto.fromThrowable(error).getDetails(0).unpack(PreconditionFailure.class).getViolations(0);
    }
}
