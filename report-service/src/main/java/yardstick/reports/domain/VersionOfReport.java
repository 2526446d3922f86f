package yardstick.reports.domain;

import java.time.Instant;
import java.util.UUID;

/** A version of a report as kept, never changed, and whether a publication has frozen it. */
public record VersionOfReport(UUID report, int version, byte[] body, String updatedBy, Instant updateTime, String correctionNote,
                              boolean published) {
}
