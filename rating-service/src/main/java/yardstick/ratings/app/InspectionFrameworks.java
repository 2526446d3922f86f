package yardstick.ratings.app;

import jakarta.inject.Singleton;
import yardstick.platform.app.Refused;
import yardstick.ratings.domain.Framework;
import yardstick.ratings.domain.FrameworkLibrary;
import yardstick.ratings.peers.CaseServiceClient;

/**
 * The inspection being rated, as case-service has it: the framework it is judged by, which this
 * service must know, and its stage. Ratings, discretion decisions and qualitative ratings are
 * written only while the inspection is in the rating stage: after fieldwork, before it closes.
 */
@Singleton
class InspectionFrameworks {

    private final FrameworkLibrary library;
    private final CaseServiceClient caseService;

    InspectionFrameworks(FrameworkLibrary library, CaseServiceClient caseService) {
        this.library = library;
        this.caseService = caseService;
    }

    /**
     * The framework of an inspection in the rating stage; refused for any other stage.
     *
     * @param field the request's field that names the inspection, for the refusal when it is malformed
     */
    Framework beingRated(String inspection, String field) {
        if (!inspection.startsWith("inspections/")) {
            throw new Refused.BadRequest(field, "must be of the form inspections/{inspection}");
        }
        CaseServiceClient.InspectionSeen seen = caseService.inspection(inspection).orElseThrow(() -> new Refused.NotFound(inspection));
        if (seen.stage() != CaseServiceClient.Stage.RATING) {
            throw new Refused.RulesBroken("STATE", inspection, "ratings, discretion decisions and qualitative ratings are recorded "
                    + "only while the inspection is in RATING; it is in " + seen.stage());
        }
        return library.find(seen.framework()).orElseThrow(() -> new Refused.RulesBroken("FRAMEWORK", inspection,
                "the inspection's framework " + seen.framework() + " is not one this service knows"));
    }
}
