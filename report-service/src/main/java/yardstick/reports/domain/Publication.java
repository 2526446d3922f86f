package yardstick.reports.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A published report as kept: one version frozen, when it was published and, for a correction,
 * what it corrects and why; {@code firstPublishTime} is when its report was first published, the
 * year a portal files it under. The report itself is read on its own ({@code PublishedReports}).
 */
public record Publication(UUID id, UUID report, int reportVersion, String inspection, String serviceInspected, Instant publishTime,
                          Optional<Instant> embargoUntil, Optional<UUID> corrects, String correctionNote, Instant firstPublishTime) {

    /** Whether the portal may show it at {@code now}. */
    public boolean visibleAt(Instant now) {
        return embargoUntil.map(e -> !now.isBefore(e)).orElse(true);
    }
}
