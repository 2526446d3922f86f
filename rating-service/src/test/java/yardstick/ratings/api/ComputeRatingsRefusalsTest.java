package yardstick.ratings.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.BadRequest;
import com.google.rpc.PreconditionFailure;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import yardstick.platform.testing.GrpcServiceTest;
import yardstick.ratings.v1.ComputeRatingsRequest;
import yardstick.ratings.v1.ListRatingSnapshotsRequest;
import yardstick.ratings.v1.RatingServiceGrpc;

/** ComputeRatings refuses what it cannot rate, with the status and rule a caller acts on, and stores nothing. */
@MicronautTest(transactional = false)
class ComputeRatingsRefusalsTest extends GrpcServiceTest {

    private static final String UNJUDGED = CaseServiceBeforeJudgements.UNJUDGED;
    private static final String OF_AN_OLD_FRAMEWORK = CaseServiceBeforeJudgements.OF_AN_OLD_FRAMEWORK;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put(CaseServiceBeforeJudgements.ENABLED, "true");
        return properties;
    }

    private RatingServiceGrpc.RatingServiceBlockingStub ratings;

    @BeforeEach
    void stub() {
        ratings = RatingServiceGrpc.newBlockingStub(channel);
    }

    @Test
    void aRequestWithoutRequestIdIsRefusedNamingIt() throws Exception {
        StatusRuntimeException error = assertThrows(StatusRuntimeException.class,
                () -> ratings.computeRatings(ComputeRatingsRequest.newBuilder().setInspection(UNJUDGED).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, error.getStatus().getCode());
        BadRequest details = StatusProto.fromThrowable(error).getDetails(0).unpack(BadRequest.class);
        assertEquals("request_id", details.getFieldViolations(0).getField());
    }

    @Test
    void anInspectionCaseServiceDoesNotHaveIsNotFound() {
        StatusRuntimeException error = assertThrows(StatusRuntimeException.class, () -> compute("inspections/nowhere"));
        assertEquals(Status.Code.NOT_FOUND, error.getStatus().getCode());
        assertEquals("inspections/nowhere does not exist", error.getStatus().getDescription());
    }

    @Test
    void anInspectionOfAFrameworkThisServiceDoesNotKnowIsAFailedPrecondition() throws Exception {
        PreconditionFailure.Violation violation = brokenRule(() -> compute(OF_AN_OLD_FRAMEWORK));
        assertEquals("FRAMEWORK", violation.getType());
        assertEquals(OF_AN_OLD_FRAMEWORK, violation.getSubject());
    }

    @Test
    void anInspectionWithoutJudgementsCannotBeRatedYetAndNoSnapshotIsTaken() throws Exception {
        PreconditionFailure.Violation violation = brokenRule(() -> compute(UNJUDGED));
        assertEquals("NOT_READY", violation.getType());
        assertEquals(UNJUDGED, violation.getSubject());
        assertTrue(violation.getDescription().startsWith("the inspection cannot be rated yet: "), violation.getDescription());
        assertEquals(0, ratings.listRatingSnapshots(ListRatingSnapshotsRequest.newBuilder().setInspection(UNJUDGED).build())
                .getSnapshotsCount());
    }

    private void compute(String inspection) {
        ratings.computeRatings(ComputeRatingsRequest.newBuilder().setInspection(inspection).setRequestId(UUID.randomUUID().toString()).build());
    }

    private static PreconditionFailure.Violation brokenRule(Runnable call) throws Exception {
        StatusRuntimeException error = assertThrows(StatusRuntimeException.class, call::run);
        assertEquals(Status.Code.FAILED_PRECONDITION, error.getStatus().getCode());
        return StatusProto.fromThrowable(error).getDetails(0).unpack(PreconditionFailure.class).getViolations(0);
    }
}
