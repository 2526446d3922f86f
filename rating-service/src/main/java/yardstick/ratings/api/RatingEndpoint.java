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
import yardstick.ratings.v1.RatingServiceGrpc;

@Singleton
public class RatingEndpoint extends RatingServiceGrpc.RatingServiceImplBase {

    private final FrameworkLibrary library;

    public RatingEndpoint(FrameworkLibrary library) {
        this.library = library;
    }

    @Override
    public void calculateRatings(CalculateRatingsRequest request, StreamObserver<CalculateRatingsResponse> response) {
        Framework framework = library.find(request.getFramework()).orElseThrow(() -> Errors.invalidArgument("framework",
                "'" + request.getFramework() + "' is not a framework; ListFrameworks names them, e.g. frameworks/youth-2021"));
        double confidence = request.getConfidence() == 0 ? RatingRules.DEFAULT_CONFIDENCE : request.getConfidence();
        Ratings ratings;
        try {
            ratings = RatingRules.calculate(framework,
                    request.getKeyQuestionTalliesList().stream().map(RatingMessages::tally).toList(),
                    request.getQualitativeRatingsList().stream().map(RatingMessages::qualitative).toList(),
                    request.getDiscretionDecisionsList().stream().map(RatingMessages::decision).toList(),
                    confidence);
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
}
