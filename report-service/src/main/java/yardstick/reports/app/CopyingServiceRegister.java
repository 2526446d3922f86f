package yardstick.reports.app;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import yardstick.reports.domain.ServiceOnRecord;
import yardstick.reports.peers.CaseServiceClient;
import yardstick.reports.store.ServiceRegisterCopy;

/**
 * Keeps the portal's copy of case-service's register current: every so often
 * ({@code yardstick.portal.register-copy-interval}, 30 seconds by default), and when the portal
 * meets a service the copy does not hold yet (at most every ten seconds). When case-service
 * cannot be asked, the copy stays as it was and the portal shows what it holds.
 */
@Singleton
@Requires(property = "yardstick.portal.register-copy", notEquals = "false")
public class CopyingServiceRegister {

    private static final Logger LOG = LoggerFactory.getLogger(CopyingServiceRegister.class);
    private static final Duration AT_MOST_EVERY = Duration.ofSeconds(10);

    private final CaseServiceClient caseService;
    private final ServiceRegisterCopy copy;
    private final Clock clock;
    private final AtomicReference<Instant> lastTried = new AtomicReference<>(Instant.EPOCH);

    CopyingServiceRegister(CaseServiceClient caseService, ServiceRegisterCopy copy, Clock clock) {
        this.caseService = caseService;
        this.copy = copy;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${yardstick.portal.register-copy-interval:30s}", initialDelay = "5s")
    void copyEverySoOften() {
        copyNow();
    }

    /** Copies the register now, unless it was tried in the last ten seconds; false when case-service could not be asked. */
    public boolean copySoon() {
        Instant now = clock.instant();
        Instant last = lastTried.get();
        if (now.isBefore(last.plus(AT_MOST_EVERY)) || !lastTried.compareAndSet(last, now)) {
            return false;
        }
        return copyNow();
    }

    private boolean copyNow() {
        lastTried.set(clock.instant());
        try {
            List<ServiceOnRecord> services = caseService.inspectedServices().stream().map(s -> new ServiceOnRecord(s.getName(),
                    s.getDisplayName(), s.getFormerNamesList().stream().map(f -> f.getDisplayName()).toList(), s.getLocalAuthoritiesList(),
                    s.getRegion())).toList();
            copy.keep(services, clock.instant());
            return true;
        } catch (RuntimeException e) {
            LOG.warn("the register of inspected services was not copied from case-service: {}", e.getMessage());
            return false;
        }
    }
}
