package yardstick.platform.audit;

import io.grpc.Status;
import io.micronaut.context.annotation.Property;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import yardstick.platform.identity.Role;
import yardstick.platform.store.Jdbc;

/**
 * The service's audit log, {@code audit_events}, which the database keeps append-only. Every gRPC
 * call is recorded by the identity interceptor; use cases record here the acts they do of their
 * own accord (a scheduled purge). This is the one place that keeps case values out: a resource
 * name's case reference becomes its keyed pseudonym before anything is written.
 *
 * <p>Each entry is written on a connection of its own, outside any transaction of the act, so an
 * act that fails and rolls back still leaves its entry. Record an act after its transaction has
 * committed or failed, with that outcome. A failed write is logged, never thrown: an act already
 * done is not undone, nor a call already served turned into an error, for want of its entry.
 *
 * <p>Every call, reads included, makes an entry before it is answered; were each to wait for its own
 * flush of the write-ahead log, every call would pay a disk write (milliseconds to tens of them on a
 * busy disk: most of a read's latency). So an entry commits without waiting for the disk: it is
 * visible at once, and durable a fraction of a second later, PostgreSQL writing entries together.
 * Only a crash of the database server in that moment can lose the last entries, never half of one.
 */
@Singleton
public class AuditTrail {

    /** The subject of calls without a verified token. */
    public static final String ANONYMOUS = "anonymous";

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    /** Anyone, signed in or not, can make an entry: what a request names is kept to this length. */
    private static final int LONGEST_TEXT = 1000;

    private final Jdbc jdbc;
    private final CasePseudonyms pseudonyms;
    private final InspectionOfResource inspections;
    private final String serviceName;
    private final Clock clock;

    AuditTrail(@Named("default") DataSource dataSource, CasePseudonyms pseudonyms, InspectionOfResource inspections,
               @Property(name = "micronaut.application.name") String serviceName) {
        // The pool itself: the injected data source would hand out a surrounding transaction's connection.
        this.jdbc = new Jdbc(DelegatingDataSource.unwrapDataSource(dataSource));
        this.pseudonyms = pseudonyms;
        this.inspections = inspections;
        this.serviceName = serviceName;
        this.clock = Clock.systemUTC();
    }

    /**
     * What happened: who (the verified subject, or {@link #ANONYMOUS}), holding which roles, did
     * what (a gRPC method's full name, or an act's name) to which resource (as named, case
     * references included: the trail pseudonymises them), with what outcome, and for a refusal why.
     */
    public record Act(String subject, Set<Role> roles, String method, String resource, Status.Code outcome, String reason) {
    }

    public void record(Act act) {
        String resource = shortened(pseudonyms.inResourceName(act.resource()));
        try {
            String inspection = resource.isEmpty() ? "" : inspections.inspectionOf(resource).orElse("");
            String[] roles = act.roles().stream().map(Role::claim).sorted().toArray(String[]::new);
            jdbc.executeWithoutWaitingForTheDisk("insert into audit_events (event_time, subject, roles, method, resource, inspection, outcome, reason) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?)",
                    OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), act.subject(), roles, act.method(), resource, inspection,
                    act.outcome().name(), shortened(act.reason()));
        } catch (RuntimeException e) {
            // Without the resource: it is the caller's text, and a log line is no place for it.
            LOG.error("audit entry of {} ({}) was not written", act.method(), act.outcome(), WithoutValues.of(e));
        }
    }

    private static String shortened(String text) {
        return text.length() <= LONGEST_TEXT ? text : text.substring(0, LONGEST_TEXT);
    }

    /** An act the service does of its own accord, such as a scheduled purge, recorded under its own name and role. */
    public void recordOwnAct(String act, String resource, Status.Code outcome) {
        Set<Role> roles = Role.fromClaim(serviceName).map(Set::of).orElse(Set.of());
        record(new Act(serviceName, roles, act, resource, outcome, ""));
    }

    /** The inspection's entries after the one numbered {@code afterSequence}, oldest first, at most {@code limit}. */
    public List<AuditEntry> ofInspection(String inspection, long afterSequence, int limit) {
        return jdbc.query("select id, event_time, subject, roles, method, resource, inspection, outcome, reason "
                        + "from audit_events where inspection = ? and id > ? order by id limit ?",
                row -> new AuditEntry(row.getLong(1), row.getObject(2, OffsetDateTime.class).toInstant(), row.getString(3), strings(row.getArray(4)),
                        row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getString(9)),
                inspection, afterSequence, limit);
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
