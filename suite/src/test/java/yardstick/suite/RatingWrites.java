package yardstick.suite;

import io.grpc.ManagedChannel;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import yardstick.ratings.v1.ComputeRatingsRequest;
import yardstick.ratings.v1.ListRatingSnapshotsRequest;
import yardstick.ratings.v1.ListRatingSnapshotsResponse;
import yardstick.ratings.v1.RatingServiceGrpc;
import yardstick.ratings.v1.RatingSnapshot;

/**
 * rating-service's writes: ComputeRatings of one rated inspection, each with a request_id of its
 * own, so each acknowledged call is one numbered, immutable snapshot, and no other is made.
 */
final class RatingWrites extends ResourceWrites {

    private final String inspection;

    /** @param channel to rating-service, signed in as one who may compute ratings (the lead inspector) */
    RatingWrites(Supplier<ManagedChannel> channel, String inspection) {
        super(channel);
        this.inspection = inspection;
    }

    @Override
    void round(String caller, int round) throws GaveUp {
        String requestId = UUID.randomUUID().toString();
        RatingSnapshot snapshot = retried("ComputeRatings", () -> stub().computeRatings(ComputeRatingsRequest.newBuilder()
                .setInspection(inspection).setRequestId(requestId).build()).getSnapshot());
        made(snapshot.getName());
    }

    @Override
    Set<String> stored() {
        Set<String> names = new TreeSet<>();
        String token = "";
        do {
            ListRatingSnapshotsResponse page = stub().listRatingSnapshots(ListRatingSnapshotsRequest.newBuilder()
                    .setInspection(inspection).setPageSize(100).setPageToken(token).build());
            page.getSnapshotsList().forEach(s -> names.add(s.getName()));
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        return names;
    }

    private RatingServiceGrpc.RatingServiceBlockingStub stub() {
        return RatingServiceGrpc.newBlockingStub(channel()).withDeadlineAfter(30, TimeUnit.SECONDS)
                .withCallCredentials(ProcessTestSupport.signIns().as(SignIns.LEAD_INSPECTOR));
    }
}
