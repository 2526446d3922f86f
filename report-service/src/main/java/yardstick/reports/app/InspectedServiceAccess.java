package yardstick.reports.app;

import java.util.Set;
import yardstick.platform.app.Refused;
import yardstick.platform.identity.Caller;
import yardstick.platform.identity.Role;

/**
 * An inspected service's people reach their own service's reports (its draft, for comment) and
 * improvement plan, and no other service's. The inspectorate's staff are not so limited.
 */
final class InspectedServiceAccess {

    private static final Set<Role> STAFF = Set.of(Role.INSPECTOR, Role.LEAD_INSPECTOR, Role.RATINGS_PANEL, Role.PUBLISHER, Role.ADMINISTRATOR);

    private InspectedServiceAccess() {
    }

    /** Refused unless the caller is staff or speaks for {@code serviceInspected}. */
    static void requireOwn(Caller caller, String serviceInspected) {
        if (caller.holdsAny(STAFF) || caller.isService()) {
            return;
        }
        if (!caller.inspectedService().map(serviceInspected::equals).orElse(false)) {
            throw new Refused.NotPermitted("an inspected service reaches only its own reports and improvement plan");
        }
    }
}
