package yardstick.reports.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the portal shows of one current publication: the inspection, whose it was (the register's
 * name, or empty for a report published before the register), the service's name at
 * publication, when its report was first published and its fieldwork, and its ratings in words.
 * A publication never changes, so neither does this.
 */
public record PublishedOutcome(UUID publication, String inspection, String inspectedService, String nameAtPublication, Instant firstPublished,
                               Optional<LocalDate> fieldworkStart, Optional<LocalDate> fieldworkEnd, String overall, int score,
                               int maximumScore, List<StandardOutcome> standards) {

    public PublishedOutcome {
        standards = List.copyOf(standards);
    }

    /** One standard's rating, in words ("Requires improvement"). */
    public record StandardOutcome(String standard, String name, String rating) {
    }

    /** The year the portal files it under: the year its report was first published. */
    public int year() {
        return firstPublished.atZone(ZoneOffset.UTC).getYear();
    }

    public LocalDate published() {
        return firstPublished.atZone(ZoneOffset.UTC).toLocalDate();
    }

    /**
     * What groups a service's inspections: the register's name, or for a report published before
     * the register, the name it was published under.
     */
    public String serviceKey() {
        return inspectedService.isEmpty() ? "name:" + nameAtPublication : inspectedService;
    }
}
