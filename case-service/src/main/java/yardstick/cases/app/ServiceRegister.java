package yardstick.cases.app;

import jakarta.inject.Singleton;
import yardstick.cases.domain.InspectedService;
import yardstick.cases.store.InspectedServiceStore;
import yardstick.platform.app.Refused;

/** The register as the inspection use cases need it: an inspection names a registered service. */
@Singleton
class ServiceRegister {

    private final InspectedServiceStore store;

    ServiceRegister(InspectedServiceStore store) {
        this.store = store;
    }

    /**
     * Refuses a service the register does not hold, naming {@code field}: the reference is bad
     * input in the request (AIP-193), not a missing target of the call.
     */
    void requireRegistered(String inspectedService, String field) {
        boolean registered = InspectedService.codeOf(inspectedService).flatMap(store::find).isPresent();
        if (!registered) {
            throw new Refused.BadRequest(field, "'" + inspectedService + "' is not in the register of inspected services; "
                    + "the administrator registers a service first");
        }
    }
}
