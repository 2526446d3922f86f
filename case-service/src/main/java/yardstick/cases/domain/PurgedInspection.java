package yardstick.cases.domain;

import java.time.Instant;
import java.util.UUID;

/** An inspection whose case data was purged, and how many rows of each kind went. */
public record PurgedInspection(UUID inspection, Instant closeTime, Instant purgeTime, int eligibleCases, int sampledCases,
                               int caseJudgements) {

    public String name() {
        return Inspection.NAME_PREFIX + inspection;
    }
}
