package yardstick.cases.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetentionTest {

    @Test
    void inspectionsClosedMoreThanTheRetentionAgoAreDue() {
        Retention year = new Retention(Duration.ofDays(365));
        assertEquals(Instant.parse("2024-03-05T10:00:00Z"), year.closedBefore(Instant.parse("2025-03-05T10:00:00Z")));
    }

    @Test
    void aNegativeRetentionIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Retention(Duration.ofDays(-1)));
    }
}
