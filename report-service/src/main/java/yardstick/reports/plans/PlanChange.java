package yardstick.reports.plans;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** One entry of a plan's history: when, who (the role that made the change), what part of the plan, and what happened. */
public record PlanChange(int sequence, Instant time, String actor, String subject, String description) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    /** As the timeline shows it, in the inspectorate's time zone: "25 November 2026, 10:48". */
    public String when() {
        return WHEN.format(time);
    }
}
