package yardstick.cases;

import yardstick.platform.testing.RoomsChecks;

/** case-service's rooms (ARCHITECTURE.md, "Inside a service"), kept by the shared ArchUnit rules. */
class CaseRoomsTest extends RoomsChecks {

    @Override
    protected String servicePackage() {
        return "yardstick.cases";
    }
}
