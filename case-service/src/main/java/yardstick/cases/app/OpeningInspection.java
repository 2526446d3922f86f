package yardstick.cases.app;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import yardstick.cases.domain.Inspection;
import yardstick.cases.store.InspectionStore;
import yardstick.platform.identity.Caller;

/**
 * An inspection opened in planning, led by the caller. In two steps, because a retried request
 * (AIP-155) is answered between them: the framework is checked with rating-service first, and only
 * then is the inspection opened, in the transaction that records the request's answer.
 */
@Singleton
public class OpeningInspection {

    /** The inspection's details, already checked field by field. */
    public record OpenInspection(Inspection.Details details) {
    }

    private final InspectionStore store;
    private final Frameworks frameworks;
    private final ServiceRegister register;

    OpeningInspection(InspectionStore store, Frameworks frameworks, ServiceRegister register) {
        this.store = store;
        this.frameworks = frameworks;
        this.register = register;
    }

    /** Refuses a service the register does not hold, and a framework rating-service does not know. */
    public void check(OpenInspection command) {
        register.requireRegistered(command.details().inspectedService(), "inspection.inspected_service");
        frameworks.requireKnown(command.details().framework(), "inspection.framework");
    }

    /** Joins the transaction that records the request's answer. */
    @Transactional
    public Inspection open(Caller caller, OpenInspection command) {
        return store.open(command.details(), caller.subject());
    }
}
