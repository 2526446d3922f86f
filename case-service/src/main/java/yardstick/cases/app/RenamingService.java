package yardstick.cases.app;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import yardstick.cases.domain.InspectedService;
import yardstick.cases.store.InspectedServiceStore;
import yardstick.platform.app.Refused;
import yardstick.platform.identity.Caller;

/**
 * A registered service given a new name by the administrator, if nobody changed it since it was
 * read. Its code does not change, so its inspections stay its own; the old name is kept.
 */
@Singleton
public class RenamingService {

    /** The service {@code name} names, to be called {@code displayName}, as read with {@code etag}. */
    public record RenameService(String name, String displayName, String etag) {
    }

    private final InspectedServiceStore store;
    private final Clock clock;

    RenamingService(InspectedServiceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Transactional
    public InspectedService rename(Caller caller, RenameService command) {
        String code = InspectedService.codeOf(command.name()).orElseThrow(() ->
                new Refused.BadRequest("name", "must be inspectedServices/{code}, for example inspectedServices/kent"));
        InspectedService.displayNameProblem(command.displayName()).ifPresent(p -> {
            throw new Refused.BadRequest("display_name", p);
        });
        if (command.etag().isBlank()) {
            throw new Refused.BadRequest("etag", "is required: the etag of the service as last read");
        }
        InspectedService current = store.find(code).orElseThrow(() -> new Refused.NotFound(command.name()));
        if (!command.etag().equals(current.etag())) {
            throw stale(current);
        }
        InspectedService renamed = current.renamed(command.displayName().strip(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        if (!store.rename(current, renamed)) {
            throw stale(current);
        }
        return renamed;
    }

    private static Refused stale(InspectedService current) {
        return new Refused.RulesBroken("ETAG", current.name(),
                "the service changed since it was read (its etag is now " + current.etag() + "); read it again and rename it then");
    }
}
