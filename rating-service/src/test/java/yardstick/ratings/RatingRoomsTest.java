package yardstick.ratings;

import yardstick.platform.testing.RoomsChecks;

/** rating-service's five rooms, kept apart (ARCHITECTURE.md, "Inside a service"). */
class RatingRoomsTest extends RoomsChecks {

    @Override
    protected String servicePackage() {
        return "yardstick.ratings";
    }
}
