package yardstick.cases.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.scheduling.cron.CronExpression;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import yardstick.platform.testing.GrpcServiceTest;

/** Unless switched off, case-service schedules the purge daily, by default at 02:30. */
@MicronautTest(transactional = false)
class DailyRetentionPurgeTest extends GrpcServiceTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        properties.put("yardstick.retention.daily-purge", "true");
        return properties;
    }

    @Test
    void isScheduledAtHalfPastTwoEachNight() {
        assertTrue(context.containsBean(DailyRetentionPurge.class));
        String cron = context.getRequiredProperty("yardstick.retention.purge-cron", String.class);
        ZonedDateTime evening = ZonedDateTime.of(2025, 3, 4, 21, 0, 0, 0, ZoneOffset.UTC);
        assertEquals(evening.plusDays(1).withHour(2).withMinute(30), CronExpression.create(cron).nextTimeAfter(evening));
    }
}
