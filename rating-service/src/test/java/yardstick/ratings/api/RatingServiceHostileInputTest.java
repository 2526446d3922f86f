package yardstick.ratings.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import yardstick.platform.testing.HostileInputChecks;
import yardstick.ratings.peers.CaseServiceClient;
import yardstick.ratings.v1.ListRatingSnapshotsRequest;
import yardstick.ratings.v1.RatingServiceGrpc;

/** rating-service answers a thousand malformed and oversized requests cleanly, stays healthy, and stores none of them. */
@MicronautTest(transactional = false)
class RatingServiceHostileInputTest extends HostileInputChecks {

    private static final String INSPECTION = "inspections/kent-2021-unjudged";
    private static final String OF_AN_OLD_FRAMEWORK = "inspections/kent-1999";

    @Inject
    CaseServiceAsTestsSetIt caseService;

    @BeforeEach
    void inspections() {
        // Kent 2021 in the rating stage before any judgement, and an inspection of a framework long gone.
        caseService.inspection(INSPECTION, "frameworks/youth-2021", CaseServiceClient.Stage.RATING, List.of(), 0);
        caseService.inspection(OF_AN_OLD_FRAMEWORK, "frameworks/youth-1999", CaseServiceClient.Stage.RATING, List.of(), 0);
    }

    @Test
    void aPageTokenOfMinusOneIsABadPageTokenNotAnInternalError() throws Exception {
        // "-1" was read as an offset and handed to the database: INTERNAL.
        StatusRuntimeException error = assertThrows(StatusRuntimeException.class, () -> RatingServiceGrpc.newBlockingStub(channel)
                .listRatingSnapshots(ListRatingSnapshotsRequest.newBuilder().setInspection(INSPECTION).setPageToken("-1").build()));

        assertEquals(Status.Code.INVALID_ARGUMENT, error.getStatus().getCode(), error.toString());
        assertEquals("page_token", StatusProto.fromThrowable(error).getDetails(0).unpack(BadRequest.class).getFieldViolations(0).getField());
    }

    @Override
    protected List<String> knownNames() {
        return List.of(INSPECTION, OF_AN_OLD_FRAMEWORK, "frameworks/youth-2021", INSPECTION + "/ratingSnapshots/1");
    }
}
