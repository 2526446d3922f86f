package yardstick.ratings.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import yardstick.platform.testing.GrpcServiceTest;
import yardstick.common.v1.Rating;
import yardstick.ratings.Golden;
import yardstick.ratings.v1.CalculateRatingsRequest;
import yardstick.ratings.v1.CalculateRatingsResponse;
import yardstick.ratings.v1.DiscretionGround;
import yardstick.ratings.v1.DiscretionOption;
import yardstick.ratings.v1.RatingServiceGrpc;
import yardstick.ratings.v1.StandardRating;

/** The published ratings of Kent and Harrow 2021, reproduced through the real gRPC endpoint. */
@MicronautTest(transactional = false)
class PublishedRatingsTest extends GrpcServiceTest {

    private static final List<String> DOMAIN_ONE = List.of("1.1", "1.2", "1.3", "1.4");

    private RatingServiceGrpc.RatingServiceBlockingStub ratings;

    @BeforeEach
    void stub() {
        ratings = RatingServiceGrpc.newBlockingStub(channel);
    }

    @Test
    void kentRates18OutOf36RequiresImprovementWithJointWorkingRaisedToGoodByDiscretion() {
        CalculateRatingsResponse kent = ratings.calculateRatings(Golden.KENT.request(DOMAIN_ONE));

        assertEquals(Golden.KENT.publishedRatings(), ratingsById(kent));
        assertEquals(18, kent.getScore());
        assertEquals(36, kent.getMaximumScore());
        assertEquals(Rating.RATING_REQUIRES_IMPROVEMENT, kent.getOverall());
        assertFalse(kent.getResettlementRated(), "Kent's framework rates no resettlement separately");

        StandardRating jointWorking = standard(kent, "3.4");
        assertTrue(jointWorking.getCaseBased().getDiscretionApplied());
        assertEquals(Rating.RATING_REQUIRES_IMPROVEMENT, jointWorking.getCaseBased().getBand());
        assertEquals("3.4.2", jointWorking.getCaseBased().getLowestKeyQuestion());
        assertEquals(50, jointWorking.getCaseBased().getLowestPercentage());
        // The report's ground: the rating rests on four youth conditional cautions.
        assertTrue(option(jointWorking, Rating.RATING_GOOD).getGroundsList().contains(DiscretionGround.DISCRETION_GROUND_FIVE_CASES_OR_FEWER));
    }

    @Test
    void withoutThePanelsDecisionKentsJointWorkingStaysRequiresImprovementAndScores17() {
        CalculateRatingsRequest withoutDiscretion = Golden.KENT.request(DOMAIN_ONE).toBuilder().clearDiscretionDecisions().build();
        CalculateRatingsResponse kent = ratings.calculateRatings(withoutDiscretion);
        assertEquals(Rating.RATING_REQUIRES_IMPROVEMENT, standard(kent, "3.4").getRating());
        assertEquals(17, kent.getScore());
    }

    @Test
    void harrowRates17OutOf36RequiresImprovementWithPlanningRaisedToGoodByDiscretion() {
        CalculateRatingsResponse harrow = ratings.calculateRatings(Golden.HARROW.request(List.of("1.1", "1.2", "1.3", "1.4", "3.4")));

        assertEquals(Golden.HARROW.publishedRatings(), ratingsById(harrow));
        assertEquals(17, harrow.getScore());
        assertEquals(Rating.RATING_REQUIRES_IMPROVEMENT, harrow.getOverall());
        assertFalse(harrow.getResettlementRated(), "Harrow had no custody cases: 4.1 is not rated");

        StandardRating planning = standard(harrow, "2.2");
        assertTrue(planning.getCaseBased().getDiscretionApplied());
        assertEquals("2.2.3", planning.getCaseBased().getLowestKeyQuestion());
        assertEquals(64, planning.getCaseBased().getLowestPercentage());
        // The report's ground: 64 per cent, one point below the boundary for Good.
        assertTrue(option(planning, Rating.RATING_GOOD).getGroundsList().contains(DiscretionGround.DISCRETION_GROUND_WITHIN_FIVE_POINTS));
    }

    private static Map<String, String> ratingsById(CalculateRatingsResponse response) {
        return response.getStandardRatingsList().stream().collect(Collectors.toMap(
                StandardRating::getStandard, s -> s.getRating().name().substring("RATING_".length()),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private static StandardRating standard(CalculateRatingsResponse response, String id) {
        return response.getStandardRatingsList().stream().filter(s -> s.getStandard().equals(id)).findFirst().orElseThrow();
    }

    private static DiscretionOption option(StandardRating standard, Rating to) {
        return standard.getCaseBased().getDiscretionOptionsList().stream()
                .filter(o -> o.getRating() == to)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no discretion option to " + to + " for " + standard.getStandard()));
    }
}
