package yardstick.cases.app;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import yardstick.cases.domain.InspectedService;
import yardstick.cases.store.InspectedServiceStore;
import yardstick.platform.app.Refused;
import yardstick.platform.identity.Caller;

/** A youth justice service added to the register by the administrator, under the code they choose. */
@Singleton
public class RegisteringService {

    private final InspectedServiceStore store;
    private final Clock clock;

    RegisteringService(InspectedServiceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Refuses every bad field at once; before the request's answer is recorded. */
    public void check(InspectedService.Registration registration) {
        BadFields.refuse(registration.problems());
    }

    /** Joins the transaction that records the request's answer. */
    @Transactional
    public InspectedService register(Caller caller, InspectedService.Registration registration) {
        check(registration);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        InspectedService service = new InspectedService(registration.code(), registration.displayName().strip(),
                registration.localAuthorities().stream().map(String::strip).toList(), registration.region().strip(), List.of(), 1, now, now);
        if (!store.add(service)) {
            throw new Refused.AlreadyExists(service.name() + " is registered already");
        }
        return service;
    }
}
