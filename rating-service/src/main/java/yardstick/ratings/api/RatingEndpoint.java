package yardstick.ratings.api;

import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import yardstick.platform.grpc.Errors;
import yardstick.ratings.domain.DiscretionRefusedException;
import yardstick.ratings.domain.Framework;
import yardstick.ratings.domain.FrameworkLibrary;
import yardstick.ratings.domain.RatingInputException;
import yardstick.ratings.domain.RatingRules;
import yardstick.ratings.domain.Ratings;
import yardstick.ratings.v1.CalculateRatingsRequest;
import yardstick.ratings.v1.CalculateRatingsResponse;
import yardstick.ratings.v1.ComputeRatingsRequest;
import yardstick.ratings.v1.ComputeRatingsResponse;
import yardstick.ratings.v1.GetRatingSnapshotRequest;
import yardstick.ratings.v1.GetRatingSnapshotResponse;
import yardstick.ratings.v1.ListRatingSnapshotsRequest;
import yardstick.ratings.v1.ListRatingSnapshotsResponse;
import yardstick.ratings.v1.RatingServiceGrpc;
import yardstick.ratings.v1.RecordDiscretionDecisionRequest;
import yardstick.ratings.v1.RecordDiscretionDecisionResponse;
import yardstick.ratings.v1.RecordQualitativeRatingRequest;
import yardstick.ratings.v1.RecordQualitativeRatingResponse;

@Singleton
public class RatingEndpoint extends RatingServiceGrpc.RatingServiceImplBase {

    private final FrameworkLibrary library;
    private final InspectionRatings inspections;

    /**
     * @param inspections the stored inspections' ratings; may be null where only CalculateRatings is served (the benchmark)
     */
    public RatingEndpoint(FrameworkLibrary library, InspectionRatings inspections) {
        this.library = library;
        this.inspections = inspections;
    }

    /** The ratings of a request's inputs; the rules' own exceptions when they cannot be rated. */
    static Ratings rate(Framework framework, CalculateRatingsRequest request) {
        double confidence = request.getConfidence() == 0 ? RatingRules.DEFAULT_CONFIDENCE : request.getConfidence();
        return RatingRules.calculate(framework,
                request.getKeyQuestionTalliesList().stream().map(RatingMessages::tally).toList(),
                request.getQualitativeRatingsList().stream().map(RatingMessages::qualitative).toList(),
                request.getDiscretionDecisionsList().stream().map(RatingMessages::decision).toList(),
                confidence);
    }

    @Override
    public void calculateRatings(CalculateRatingsRequest request, StreamObserver<CalculateRatingsResponse> response) {
        Framework framework = library.find(request.getFramework()).orElseThrow(() -> Errors.invalidArgument("framework",
                "'" + request.getFramework() + "' is not a framework; ListFrameworks names them, e.g. frameworks/youth-2021"));
        Ratings ratings;
        try {
            ratings = rate(framework, request);
        } catch (RatingInputException e) {
            throw Errors.invalidArgument(e.problems().stream()
                    .map(p -> new Errors.FieldViolation(p.field(), p.description()))
                    .toList());
        } catch (DiscretionRefusedException e) {
            throw Errors.failedPrecondition(new Errors.Violation("DISCRETION_GROUND", "standards/" + e.standard(), e.getMessage()));
        }
        response.onNext(RatingMessages.response(ratings));
        response.onCompleted();
    }

    @Override
    public void recordQualitativeRating(RecordQualitativeRatingRequest request, StreamObserver<RecordQualitativeRatingResponse> response) {
        response.onNext(RecordQualitativeRatingResponse.newBuilder().setRating(inspections.recordQualitative(request.getRating())).build());
        response.onCompleted();
    }

    @Override
    public void recordDiscretionDecision(RecordDiscretionDecisionRequest request, StreamObserver<RecordDiscretionDecisionResponse> response) {
        response.onNext(RecordDiscretionDecisionResponse.newBuilder().setDecision(inspections.recordDiscretion(request.getDecision())).build());
        response.onCompleted();
    }

    @Override
    public void computeRatings(ComputeRatingsRequest request, StreamObserver<ComputeRatingsResponse> response) {
        response.onNext(inspections.compute(request));
        response.onCompleted();
    }

    @Override
    public void getRatingSnapshot(GetRatingSnapshotRequest request, StreamObserver<GetRatingSnapshotResponse> response) {
        response.onNext(GetRatingSnapshotResponse.newBuilder().setSnapshot(inspections.snapshot(request.getName())).build());
        response.onCompleted();
    }

    @Override
    public void listRatingSnapshots(ListRatingSnapshotsRequest request, StreamObserver<ListRatingSnapshotsResponse> response) {
        response.onNext(inspections.snapshots(request));
        response.onCompleted();
    }
}
