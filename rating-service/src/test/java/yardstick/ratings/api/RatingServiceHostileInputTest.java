package yardstick.ratings.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import yardstick.platform.testing.HostileInputChecks;
import yardstick.ratings.v1.ListRatingSnapshotsRequest;
import yardstick.ratings.v1.RatingServiceGrpc;

/** rating-service answers a thousand malformed and oversized requests cleanly, stays healthy, and stores none of them. */
@MicronautTest(transactional = false)
class RatingServiceHostileInputTest extends HostileInputChecks {

    private static final String INSPECTION = CaseServiceBeforeJudgements.UNJUDGED;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put(CaseServiceBeforeJudgements.ENABLED, "true");
        return properties;
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
        return List.of(INSPECTION, CaseServiceBeforeJudgements.OF_AN_OLD_FRAMEWORK, "frameworks/youth-2021", INSPECTION + "/ratingSnapshots/1");
    }
}
