package yardstick.reports.api;

import io.grpc.Status;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import yardstick.cases.v1.GetJudgementTalliesResponse;
import yardstick.cases.v1.Inspection;
import yardstick.cases.v1.InspectionState;
import yardstick.cases.v1.PopulationSummary;
import yardstick.cases.v1.Sample;
import yardstick.cases.v1.SamplePlan;
import yardstick.common.v1.Rating;
import yardstick.ratings.v1.CalculateRatingsResponse;
import yardstick.ratings.v1.Domain;
import yardstick.ratings.v1.Framework;
import yardstick.ratings.v1.RatingSnapshot;
import yardstick.ratings.v1.Standard;
import yardstick.ratings.v1.StandardBasis;
import yardstick.ratings.v1.StandardRating;
import yardstick.reports.peers.CaseServiceClient;
import yardstick.reports.peers.RatingServiceClient;

/**
 * case-service and rating-service as report-service's tests see them: one fake of each, for the
 * whole module (nested replacements in several test classes cancel each other out). A test sets
 * what they answer here, and can take them down.
 */
final class Neighbours {

    static final String KENT = "Kent Youth Justice Service";
    static final String FRAMEWORK = "frameworks/test-2021";

    /** Each inspection's state, where a test set one; rating otherwise. */
    static final Map<String, InspectionState> STATES = new ConcurrentHashMap<>();
    /** The latest snapshot's number of each inspection; 1 unless a test computes again. */
    static final Map<String, Integer> LATEST_SNAPSHOT = new ConcurrentHashMap<>();
    static final AtomicInteger CALLS = new AtomicInteger();
    /** Both neighbours down: every question to them answers UNAVAILABLE. */
    static volatile boolean down;
    /** Both neighbours knowing no inspection and no snapshot. */
    static volatile boolean knowNothing;

    private Neighbours() {
    }

    private static void asked(String service) {
        CALLS.incrementAndGet();
        if (down) {
            throw Status.UNAVAILABLE.withDescription(service + " (localhost:50051) is unavailable: Connection refused").asRuntimeException();
        }
    }

    /**
     * case-service: every inspection is Kent's, in the state a test set (rating, unless it says
     * otherwise); none at all while {@link #knowNothing}.
     */
    @Singleton
    @Replaces(CaseServiceClient.class)
    static class CaseService extends CaseServiceClient {

        CaseService() {
            super(null);
        }

        @Override
        public Optional<Inspection> inspection(String name) {
            asked("case-service");
            if (knowNothing) {
                return Optional.empty();
            }
            return Optional.of(Inspection.newBuilder().setName(name).setServiceInspected(KENT).setInspectedService("inspectedServices/kent").setFramework(FRAMEWORK)
                    .setState(STATES.getOrDefault(name, InspectionState.INSPECTION_STATE_RATING)).build());
        }

        @Override
        public Optional<SamplePlan> samplePlan(String inspection) {
            asked("case-service");
            return Optional.of(SamplePlan.getDefaultInstance());
        }

        @Override
        public Optional<Sample> sample(String inspection) {
            asked("case-service");
            return Optional.empty();
        }

        @Override
        public PopulationSummary populationSummary(String inspection) {
            asked("case-service");
            return PopulationSummary.getDefaultInstance();
        }

        @Override
        public GetJudgementTalliesResponse tallies(String inspection) {
            asked("case-service");
            return GetJudgementTalliesResponse.getDefaultInstance();
        }
    }

    /** rating-service: domain one's two standards rated Good, in the inspection's latest snapshot; none while {@link #knowNothing}. */
    @Singleton
    @Replaces(RatingServiceClient.class)
    static class RatingService extends RatingServiceClient {

        RatingService() {
            super(null);
        }

        @Override
        public Optional<RatingSnapshot> latestSnapshot(String inspection) {
            asked("rating-service");
            if (knowNothing) {
                return Optional.empty();
            }
            int number = LATEST_SNAPSHOT.getOrDefault(inspection, 1);
            return Optional.of(RatingSnapshot.newBuilder().setName(inspection + "/ratingSnapshots/" + number).setInspection(inspection)
                    .setNumber(number).setFramework(FRAMEWORK).setRatings(CalculateRatingsResponse.newBuilder()
                            .addStandardRatings(StandardRating.newBuilder().setStandard("1.1").setRating(Rating.RATING_GOOD))
                            .addStandardRatings(StandardRating.newBuilder().setStandard("1.2").setRating(Rating.RATING_GOOD))
                            .setScore(4).setMaximumScore(6).setOverall(Rating.RATING_GOOD))
                    .build());
        }

        @Override
        public Optional<Framework> framework(String name) {
            asked("rating-service");
            return Optional.of(Framework.newBuilder().setName(name).addDomains(Domain.newBuilder().setNumber(1)
                    .setName("Organisational delivery")
                    .addStandards(Standard.newBuilder().setId("1.1").setName("Governance and leadership").setBasis(StandardBasis.STANDARD_BASIS_QUALITATIVE))
                    .addStandards(Standard.newBuilder().setId("1.2").setName("Staff").setBasis(StandardBasis.STANDARD_BASIS_QUALITATIVE)))
                    .build());
        }
    }
}
