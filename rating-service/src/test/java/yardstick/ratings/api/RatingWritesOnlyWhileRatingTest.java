package yardstick.ratings.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Message;
import com.google.rpc.PreconditionFailure;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import yardstick.common.v1.Rating;
import yardstick.platform.testing.GrpcServiceTest;
import yardstick.ratings.Golden;
import yardstick.ratings.peers.CaseServiceClient.Stage;
import yardstick.ratings.v1.ComputeRatingsRequest;
import yardstick.ratings.v1.ListDiscretionDecisionsRequest;
import yardstick.ratings.v1.ListQualitativeRatingsRequest;
import yardstick.ratings.v1.ListRatingSnapshotsRequest;
import yardstick.ratings.v1.RatingServiceGrpc;
import yardstick.ratings.v1.RecordDiscretionDecisionRequest;
import yardstick.ratings.v1.RecordQualitativeRatingRequest;
import yardstick.ratings.v1.RecordedDiscretionDecision;
import yardstick.ratings.v1.RecordedQualitativeRating;
import yardstick.ratings.v1.WithdrawDiscretionDecisionRequest;
import yardstick.ratings.v1.WithdrawQualitativeRatingRequest;

/**
 * Every rating write only while the inspection is in the rating stage, refused in every other
 * stage naming the stage needed; reads at any time. And every write retried after case-service
 * went down answers its first answer, without asking case-service.
 */
@MicronautTest(transactional = false)
class RatingWritesOnlyWhileRatingTest extends GrpcServiceTest {

    private static final String KENT = "frameworks/youth-2019";

    @Inject
    CaseServiceAsTestsSetIt caseService;
    private RatingServiceGrpc.RatingServiceBlockingStub ratings;

    @BeforeEach
    void stub() {
        ratings = RatingServiceGrpc.newBlockingStub(channel);
    }

    @AfterEach
    void caseServiceBack() {
        caseService.down(false);
    }

    @Test
    void everyRatingWriteIsRefusedOutsideTheRatingStageNamingTheStageItNeeds() throws Exception {
        String inspection = "inspections/kent-" + UUID.randomUUID();
        caseService.inspection(inspection, KENT, Stage.RATING, CaseServiceAsTestsSetIt.kent(), 0);
        Map<String, RecordedQualitativeRating> domainOne = domainOne(inspection);
        RecordedDiscretionDecision decision = ratings.recordDiscretionDecision(decision(inspection)).getDecision();
        ratings.computeRatings(compute(inspection));

        for (Stage stage : List.of(Stage.PLANNING, Stage.SAMPLING, Stage.FIELDWORK, Stage.CLOSED)) {
            caseService.moveTo(inspection, stage);
            Map<String, Runnable> writes = new LinkedHashMap<>();
            writes.put("RecordQualitativeRating", () -> ratings.recordQualitativeRating(qualitative(inspection, "1.1", Rating.RATING_GOOD)));
            writes.put("RecordDiscretionDecision", () -> ratings.recordDiscretionDecision(decision(inspection)));
            writes.put("WithdrawQualitativeRating", () -> ratings.withdrawQualitativeRating(WithdrawQualitativeRatingRequest.newBuilder()
                    .setName(domainOne.get("1.1").getName()).setReason("reconsidered").setRequestId(id()).build()));
            writes.put("WithdrawDiscretionDecision", () -> ratings.withdrawDiscretionDecision(WithdrawDiscretionDecisionRequest.newBuilder()
                    .setName(decision.getName()).setReason("reconsidered").setRequestId(id()).build()));
            writes.put("ComputeRatings", () -> ratings.computeRatings(compute(inspection)));
            for (Map.Entry<String, Runnable> write : writes.entrySet()) {
                PreconditionFailure.Violation refused = PanelChangesItsMindTest.brokenRule(write.getValue());
                assertEquals("STATE", refused.getType(), write.getKey() + " in " + stage);
                assertEquals(inspection, refused.getSubject(), write.getKey() + " in " + stage);
                assertTrue(refused.getDescription().contains("only while the inspection is in RATING; it is in " + stage),
                        write.getKey() + " in " + stage + ": " + refused.getDescription());
            }
            // Reads answer in every stage, and the stateless calculation is no inspection's.
            assertEquals(1, ratings.listRatingSnapshots(ListRatingSnapshotsRequest.newBuilder().setInspection(inspection).build())
                    .getSnapshotsCount());
            assertEquals(4, ratings.listQualitativeRatings(ListQualitativeRatingsRequest.newBuilder().setInspection(inspection).build())
                    .getRatingsCount());
            assertEquals(1, ratings.listDiscretionDecisions(ListDiscretionDecisionsRequest.newBuilder().setInspection(inspection).build())
                    .getDecisionsCount());
            assertEquals(18, ratings.calculateRatings(Golden.KENT.request(List.of("1.1", "1.2", "1.3", "1.4"))).getScore());
        }
    }

    @Test
    void aRetryOfEachWriteAfterCaseServiceWentDownAnswersTheFirstAnswer() {
        String inspection = "inspections/kent-" + UUID.randomUUID();
        caseService.inspection(inspection, KENT, Stage.RATING, CaseServiceAsTestsSetIt.kent(), 0);
        Map<String, RecordedQualitativeRating> domainOne = domainOne(inspection);
        Map<Message, Supplier<Message>> retries = new LinkedHashMap<>();

        RecordQualitativeRatingRequest superseding = qualitative(inspection, "1.2", Rating.RATING_GOOD).toBuilder()
                .setRating(qualitative(inspection, "1.2", Rating.RATING_GOOD).getRating().toBuilder().setSupersedes(domainOne.get("1.2").getName()))
                .setSupersedeReason("the staff survey came in late").build();
        retries.put(ratings.recordQualitativeRating(superseding), () -> ratings.recordQualitativeRating(superseding));
        RecordDiscretionDecisionRequest deciding = decision(inspection);
        RecordedDiscretionDecision decided = ratings.recordDiscretionDecision(deciding).getDecision();
        retries.put(ratings.recordDiscretionDecision(deciding), () -> ratings.recordDiscretionDecision(deciding));
        ComputeRatingsRequest computing = compute(inspection);
        retries.put(ratings.computeRatings(computing), () -> ratings.computeRatings(computing));
        WithdrawDiscretionDecisionRequest withdrawingDecision = WithdrawDiscretionDecisionRequest.newBuilder().setName(decided.getName())
                .setReason("reconsidered").setRequestId(id()).build();
        retries.put(ratings.withdrawDiscretionDecision(withdrawingDecision), () -> ratings.withdrawDiscretionDecision(withdrawingDecision));
        WithdrawQualitativeRatingRequest withdrawingRating = WithdrawQualitativeRatingRequest.newBuilder()
                .setName(domainOne.get("1.1").getName()).setReason("reconsidered").setRequestId(id()).build();
        retries.put(ratings.withdrawQualitativeRating(withdrawingRating), () -> ratings.withdrawQualitativeRating(withdrawingRating));

        caseService.down(true);
        StatusRuntimeException down = assertThrows(StatusRuntimeException.class, () -> ratings.computeRatings(compute(inspection)));
        assertEquals(Status.Code.UNAVAILABLE, down.getStatus().getCode(), "a new request needs case-service");
        for (Map.Entry<Message, Supplier<Message>> retry : retries.entrySet()) {
            assertEquals(retry.getKey(), retry.getValue().get(), "a retry answers the first answer: " + retry.getKey().getClass().getSimpleName());
        }
        assertEquals(1, ratings.listRatingSnapshots(ListRatingSnapshotsRequest.newBuilder().setInspection(inspection).build())
                .getSnapshotsCount(), "the retried computation took no second snapshot");
    }

    @Test
    void aWriteWithoutRequestIdIsRefusedNamingIt() {
        String inspection = "inspections/kent-" + UUID.randomUUID();
        caseService.inspection(inspection, KENT, Stage.RATING, CaseServiceAsTestsSetIt.kent(), 0);
        StatusRuntimeException error = assertThrows(StatusRuntimeException.class, () -> ratings.recordQualitativeRating(
                qualitative(inspection, "1.1", Rating.RATING_GOOD).toBuilder().clearRequestId().build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, error.getStatus().getCode());
        assertTrue(error.getStatus().getDescription().contains("request_id"), error.getStatus().getDescription());
    }

    private Map<String, RecordedQualitativeRating> domainOne(String inspection) {
        Map<String, RecordedQualitativeRating> recorded = new LinkedHashMap<>();
        for (String standard : List.of("1.1", "1.2", "1.3", "1.4")) {
            recorded.put(standard, ratings.recordQualitativeRating(qualitative(inspection, standard,
                    Rating.valueOf("RATING_" + Golden.KENT.publishedRatings().get(standard)))).getRating());
        }
        return recorded;
    }

    private static RecordQualitativeRatingRequest qualitative(String inspection, String standard, Rating rating) {
        return RecordQualitativeRatingRequest.newBuilder().setRequestId(id()).setRating(RecordedQualitativeRating.newBuilder()
                .setInspection(inspection).setStandard(standard).setRating(rating).setRationale("as published")).build();
    }

    private static RecordDiscretionDecisionRequest decision(String inspection) {
        return RecordDiscretionDecisionRequest.newBuilder().setRequestId(id()).setDecision(RecordedDiscretionDecision.newBuilder()
                .setInspection(inspection).setStandard("3.4").setTo(Rating.RATING_GOOD).setRationale("rated on four cases")).build();
    }

    private static ComputeRatingsRequest compute(String inspection) {
        return ComputeRatingsRequest.newBuilder().setInspection(inspection).setRequestId(id()).build();
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
