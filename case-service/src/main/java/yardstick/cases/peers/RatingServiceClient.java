package yardstick.cases.peers;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Optional;
import yardstick.platform.peers.Peer;
import yardstick.ratings.v1.Framework;
import yardstick.ratings.v1.FrameworkServiceGrpc;
import yardstick.ratings.v1.GetFrameworkRequest;

/** What case-service asks rating-service: the framework an inspection uses. */
@Singleton
public class RatingServiceClient {

    private final Peer ratingService;

    public RatingServiceClient(@Named("rating-service") Peer ratingService) {
        this.ratingService = ratingService;
    }

    /**
     * The framework version of that name, or empty if rating-service knows none.
     *
     * @throws StatusRuntimeException UNAVAILABLE naming rating-service when it is down or slow
     */
    public Optional<Framework> framework(String name) {
        try {
            return Optional.of(ratingService.call(FrameworkServiceGrpc::newBlockingStub,
                    stub -> stub.getFramework(GetFrameworkRequest.newBuilder().setName(name).build())).getFramework());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND || e.getStatus().getCode() == Status.Code.INVALID_ARGUMENT) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
