package yardstick.cases.api;

import java.util.Optional;
import yardstick.cases.peers.RatingServiceClient;
import yardstick.ratings.v1.Framework;

/** rating-service, for tests that need nothing of it but that every framework is known. */
final class EveryFrameworkKnown {

    private EveryFrameworkKnown() {
    }

    static RatingServiceClient ratingService() {
        return new RatingServiceClient(null) {
            @Override
            public Optional<Framework> framework(String name) {
                return Optional.of(Framework.newBuilder().setName(name).build());
            }
        };
    }
}
