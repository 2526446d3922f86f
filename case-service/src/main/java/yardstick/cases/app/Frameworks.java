package yardstick.cases.app;

import jakarta.inject.Singleton;
import yardstick.cases.domain.FrameworkQuestions;
import yardstick.cases.domain.Inspection;
import yardstick.cases.peers.RatingServiceClient;
import yardstick.platform.app.Refused;

/** The frameworks rating-service knows, as the use cases need them. */
@Singleton
class Frameworks {

    private final RatingServiceClient ratingService;

    Frameworks(RatingServiceClient ratingService) {
        this.ratingService = ratingService;
    }

    /** Refuses a framework rating-service does not know, naming {@code field}. */
    void requireKnown(String framework, String field) {
        if (ratingService.framework(framework).isEmpty()) {
            throw new Refused.BadRequest(field, "'" + framework + "' is not a framework rating-service knows");
        }
    }

    /** The case-based questions of the inspection's framework; refused once rating-service no longer knows it. */
    FrameworkQuestions questions(Inspection inspection) {
        return ratingService.questions(inspection.framework()).orElseThrow(() -> new Refused.RulesBroken(
                "FRAMEWORK", inspection.name(), "rating-service no longer knows " + inspection.framework()));
    }
}
