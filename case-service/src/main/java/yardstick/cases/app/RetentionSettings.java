package yardstick.cases.app;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * {@code yardstick.retention.*}: how long an inspection's case data is kept after it closes
 * ({@code YARDSTICK_RETENTION_AFTER_CLOSE}, an ISO-8601 duration), and whether and when the daily
 * purge runs ({@code YARDSTICK_RETENTION_DAILY_PURGE}, {@code YARDSTICK_RETENTION_PURGE_CRON}).
 */
@ConfigurationProperties("yardstick.retention")
public class RetentionSettings {

    private Duration afterClose = Duration.ofDays(365);

    public Duration getAfterClose() {
        return afterClose;
    }

    public void setAfterClose(Duration afterClose) {
        this.afterClose = afterClose;
    }
}
