package yardstick.reports.peers;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Optional;
import yardstick.platform.peers.Peer;
import yardstick.ratings.v1.Framework;
import yardstick.ratings.v1.FrameworkServiceGrpc;
import yardstick.ratings.v1.GetFrameworkRequest;
import yardstick.ratings.v1.ListRatingSnapshotsRequest;
import yardstick.ratings.v1.RatingServiceGrpc;
import yardstick.ratings.v1.RatingSnapshot;

/** What report-service asks rating-service: the latest ratings snapshot of an inspection, and the framework's wording. */
@Singleton
public class RatingServiceClient {

    private final Peer ratingService;

    public RatingServiceClient(@Named("rating-service") Peer ratingService) {
        this.ratingService = ratingService;
    }

    public Optional<RatingSnapshot> latestSnapshot(String inspection) {
        return ratingService.call(RatingServiceGrpc::newBlockingStub,
                stub -> stub.listRatingSnapshots(ListRatingSnapshotsRequest.newBuilder().setInspection(inspection).setPageSize(1).build()))
                .getSnapshotsList().stream().findFirst();
    }

    public Optional<Framework> framework(String name) {
        return ratingService.find(FrameworkServiceGrpc::newBlockingStub,
                stub -> stub.getFramework(GetFrameworkRequest.newBuilder().setName(name).build()).getFramework());
    }
}
