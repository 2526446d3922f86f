package yardstick.platform.audit;

import io.grpc.Status;
import io.micronaut.context.annotation.Property;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.SQLException;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import yardstick.platform.identity.Role;
import yardstick.platform.store.Jdbc;
import yardstick.platform.store.UnhurriedWrites;

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
 *
 * <p>Entries are written by one writer, together (group commit): a call's entry waits in a queue
 * while the writer stores those before it, then goes with every entry that arrived meanwhile, in
 * one transaction. A call still waits for its own entry to be stored, as before; alone it waits
 * for one insert, and under load a thousand calls a second share a few dozen transactions instead
 * of each holding a pooled connection for its own.
 */
@Singleton
public class AuditTrail {

    /** The subject of calls without a verified token. */
    public static final String ANONYMOUS = "anonymous";

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    /** Anyone, signed in or not, can make an entry: what a request names is kept to this length. */
    private static final int LONGEST_TEXT = 1000;

    private static final String INSERT = "insert into audit_events (event_time, subject, roles, method, resource, inspection, outcome, reason) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?)";
    /** The most entries stored in one transaction. */
    private static final int LARGEST_BATCH = 500;
    /** How long a call waits for room in the queue, and then for its entry to be stored, before it logs the entry lost. */
    private static final Duration ENTRY_WAIT = Duration.ofSeconds(10);

    private final BlockingQueue<Entry> waiting = new LinkedBlockingQueue<>(10_000);
    private final Thread writer;
    private final Jdbc jdbc;
    private final UnhurriedWrites entries;
    private final CasePseudonyms pseudonyms;
    private final InspectionOfResource inspections;
    private final String serviceName;
    private final Clock clock;

    AuditTrail(@Named("default") DataSource dataSource, CasePseudonyms pseudonyms, InspectionOfResource inspections,
               @Property(name = "micronaut.application.name") String serviceName) {
        // The pool itself: the injected data source would hand out a surrounding transaction's connection.
        this.jdbc = new Jdbc(DelegatingDataSource.unwrapDataSource(dataSource));
        this.entries = new UnhurriedWrites(dataSource, "audit");
        this.pseudonyms = pseudonyms;
        this.inspections = inspections;
        this.serviceName = serviceName;
        this.clock = Clock.systemUTC();
        this.writer = new Thread(this::write, "audit-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * What happened: who (the verified subject, or {@link #ANONYMOUS}), holding which roles, did
     * what (a gRPC method's full name, or an act's name) to which resource (as named, case
     * references included: the trail pseudonymises them), with what outcome, and for a refusal why.
     */
    public record Act(String subject, Set<Role> roles, String method, String resource, Status.Code outcome, String reason) {
    }

    /** Makes the entry, and returns once it is stored (or its writing has failed, which is logged). */
    public void record(Act act) {
        Entry entry;
        try {
            String resource = shortened(pseudonyms.inResourceName(act.resource()));
            String inspection = resource.isEmpty() ? "" : inspections.inspectionOf(resource).orElse("");
            String[] roles = act.roles().stream().map(Role::claim).sorted().toArray(String[]::new);
            entry = new Entry(act, new Object[] {OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), act.subject(), roles,
                    act.method(), resource, inspection, act.outcome().name(), shortened(act.reason())});
        } catch (RuntimeException e) {
            notWritten(act, e);
            return;
        }
        try {
            if (!waiting.offer(entry, ENTRY_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                notWritten(act, new IllegalStateException("the audit writer is " + waiting.size() + " entries behind"));
                return;
            }
            entry.stored.get(ENTRY_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            notWritten(act, e);
        } catch (ExecutionException | TimeoutException e) {
            notWritten(act, e instanceof ExecutionException ? e.getCause() : e);
        }
    }

    private static void notWritten(Act act, Throwable e) {
        // Without the resource: it is the caller's text, and a log line is no place for it.
        LOG.error("audit entry of {} ({}) was not written", act.method(), act.outcome(), WithoutValues.of(e));
    }

    /** An entry's values, and when they are stored. */
    private record Entry(Act act, Object[] values, CompletableFuture<Void> stored) {
        Entry(Act act, Object[] values) {
            this(act, values, new CompletableFuture<>());
        }
    }

    /** The writer: takes the entries waiting, stores them in one transaction, tells each call; again. */
    private void write() {
        List<Entry> batch = new ArrayList<>(LARGEST_BATCH);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                batch.add(waiting.take());
            } catch (InterruptedException e) {
                return;
            }
            waiting.drainTo(batch, LARGEST_BATCH - 1);
            try {
                entries.store(INSERT, batch.stream().map(Entry::values).toList());
                batch.forEach(e -> e.stored().complete(null));
            } catch (RuntimeException e) {
                batch.forEach(entry -> entry.stored().completeExceptionally(e));
            }
            batch.clear();
        }
    }

    @PreDestroy
    void stopWriting() {
        writer.interrupt();
        try {
            writer.join(ENTRY_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        entries.close();
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
