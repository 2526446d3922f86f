package yardstick.cases.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * How long an inspection's case data (children's data: its eligible population, sample and
 * judgements) is kept once the inspection has closed.
 */
public record Retention(Duration afterClose) {

    public Retention {
        if (afterClose == null || afterClose.isNegative()) {
            throw new IllegalArgumentException("the retention after an inspection closes must be zero or more, not " + afterClose);
        }
    }

    /** Inspections closed before this instant have had their case data long enough. */
    public Instant closedBefore(Instant now) {
        return now.minus(afterClose);
    }
}
