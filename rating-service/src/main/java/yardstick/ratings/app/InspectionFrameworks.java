package yardstick.ratings.app;

import jakarta.inject.Singleton;
import yardstick.platform.app.Refused;
import yardstick.ratings.domain.Framework;
import yardstick.ratings.domain.FrameworkLibrary;
import yardstick.ratings.peers.CaseServiceClient;

/** The framework an inspection is judged by: case-service names it, this service must know it. */
@Singleton
class InspectionFrameworks {

    private final FrameworkLibrary library;
    private final CaseServiceClient caseService;

    InspectionFrameworks(FrameworkLibrary library, CaseServiceClient caseService) {
        this.library = library;
        this.caseService = caseService;
    }

    /** @param field the request's field that names the inspection, for the refusal when it is malformed */
    Framework of(String inspection, String field) {
        if (!inspection.startsWith("inspections/")) {
            throw new Refused.BadRequest(field, "must be of the form inspections/{inspection}");
        }
        String framework = caseService.framework(inspection).orElseThrow(() -> new Refused.NotFound(inspection));
        return library.find(framework).orElseThrow(() -> new Refused.RulesBroken("FRAMEWORK", inspection,
                "the inspection's framework " + framework + " is not one this service knows"));
    }
}
