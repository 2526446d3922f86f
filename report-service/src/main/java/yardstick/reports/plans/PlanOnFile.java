package yardstick.reports.plans;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A plan as kept: its body as it stands, its version (which makes the etag), state and times. */
public record PlanOnFile(UUID id, UUID publication, int version, String state, byte[] body, Instant createTime, Instant updateTime,
                         Optional<Instant> submitTime) {

    public String etag() {
        return "\"" + version + "\"";
    }
}
