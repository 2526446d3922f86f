package yardstick.reports.app;

import java.util.Set;
import yardstick.platform.app.Refused;
import yardstick.platform.identity.Caller;
import yardstick.platform.identity.Role;
import yardstick.reports.domain.Publication;

/**
 * An inspected service's people reach their own service's reports (its draft, for comment) and
 * improvement plan, and no other service's. The inspectorate's staff are not so limited. Their
 * token's inspected-service claim names their service as the register does
 * ({@code inspectedServices/{code}}), which a rename does not change.
 */
final class InspectedServiceAccess {

    private static final Set<Role> STAFF = Set.of(Role.INSPECTOR, Role.LEAD_INSPECTOR, Role.RATINGS_PANEL, Role.PUBLISHER, Role.ADMINISTRATOR);

    private InspectedServiceAccess() {
    }

    /** Refused unless the caller is staff or speaks for {@code inspectedService} ("inspectedServices/{code}"). */
    static void requireOwn(Caller caller, String inspectedService) {
        if (caller.holdsAny(STAFF) || caller.isService()) {
            return;
        }
        if (inspectedService.isEmpty() || !caller.inspectedService().map(inspectedService::equals).orElse(false)) {
            throw new Refused.NotPermitted("an inspected service reaches only its own reports and improvement plan");
        }
    }

    /** Refused unless the caller is staff or speaks for the service whose inspection the publication reports. */
    static void requireOwn(Caller caller, Publication publication, PublishedReports reports) {
        if (caller.holdsAny(STAFF) || caller.isService()) {
            return;
        }
        requireOwn(caller, reports.of(publication).getInspectedService());
    }
}
