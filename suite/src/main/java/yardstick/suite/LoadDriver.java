package yardstick.suite;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import yardstick.cases.v1.CaseJudgements;
import yardstick.cases.v1.GetCaseJudgementsRequest;
import yardstick.cases.v1.GetCaseJudgementsResponse;
import yardstick.cases.v1.GetJudgementTalliesRequest;
import yardstick.cases.v1.JudgementServiceGrpc;
import yardstick.cases.v1.KeyQuestionJudgement;
import yardstick.cases.v1.UpdateCaseJudgementsRequest;
import yardstick.ratings.v1.CalculateRatingsRequest;
import yardstick.ratings.v1.RatingServiceGrpc;
import yardstick.reports.v1.RenderReportRequest;
import yardstick.reports.v1.ReportFormat;
import yardstick.reports.v1.ReportServiceGrpc;

/**
 * {@code ./yardstick load}: a realistic mix of calls at a fixed rate for a bounded time against the
 * running suite, each as a signed-in role: CalculateRatings (another system, integration),
 * GetJudgementTallies of a 91-case sample (the lead inspector), judgement edits with etags (the
 * inspector on the team; a case is edited by one call at a time, so an etag is never stale), report
 * renditions (the publisher) and the portal's public reads. Calls are sent on schedule whether or
 * not earlier ones have answered (an open model), and each latency is measured from when the call
 * was due, so a stalled service shows in the figures rather than slowing the driver down
 * (no coordinated omission). The warm-up's first half ramps up to the rate. Prints per method:
 * throughput, p50/p99/p99.9, errors; each service's resident memory at the end; and the CPU each
 * call cost each process.
 */
final class LoadDriver {

    private static final Duration CALL_DEADLINE = Duration.ofSeconds(10);
    /** The mix, in calls out of every 20. */
    private static final String[] MIX = {
        "CalculateRatings", "GetJudgementTallies", "Portal GET /api/v1/reports", "CalculateRatings", "UpdateCaseJudgements",
        "GetJudgementTallies", "Portal GET /api/v1/reports/{id}/html", "CalculateRatings", "RenderReport", "GetJudgementTallies",
        "CalculateRatings", "Portal GET /api/v1/ratings.json", "GetJudgementTallies", "CalculateRatings", "UpdateCaseJudgements",
        "Portal GET /api/v1/reports", "CalculateRatings", "GetJudgementTallies", "CalculateRatings", "Portal GET /api/v1/reports/{id}/html"};

    private final Map<String, Recorder> latencies = new LinkedHashMap<>();
    private final Map<String, AtomicLong> errors = new LinkedHashMap<>();
    private final Map<String, AtomicLong> calls = new LinkedHashMap<>();
    private final ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();
    private final AtomicLong skipped = new AtomicLong();
    private volatile boolean recording;
    private Map<String, Duration> cpuAtStart = Map.of();

    private LoadDriver() {
        for (String method : MIX) {
            latencies.putIfAbsent(method, new Recorder(3));
            errors.putIfAbsent(method, new AtomicLong());
            calls.putIfAbsent(method, new AtomicLong());
        }
    }

    static int run(String[] args, Map<String, String> environment) throws Exception {
        int rate = 1000;
        Duration duration = Duration.ofMinutes(5);
        // The services' optimising compiler works for about two minutes of load on two cores (jstat -compiler: over a
        // minute of CPU per service, most of it in the first two), so figures from a shorter warm-up measure the compiler.
        Duration warmup = Duration.ofMinutes(2);
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--rate" -> rate = Integer.parseInt(args[i + 1]);
                case "--duration" -> duration = duration(args[i + 1]);
                case "--warmup" -> warmup = duration(args[i + 1]);
                default -> {
                    System.out.println("usage: ./yardstick load [--rate CALLS_PER_SECOND] [--duration 5m|60s] [--warmup 2m]");
                    return 2;
                }
            }
        }
        return new LoadDriver().drive(environment, rate, duration, warmup);
    }

    private int drive(Map<String, String> environment, int rate, Duration duration, Duration warmup) throws Exception {
        SignIns signIns = SignIns.local(environment);
        ManagedChannel cases = channel(Service.CASES, environment);
        ManagedChannel ratings = channel(Service.RATINGS, environment);
        ManagedChannel reports = channel(Service.REPORTS, environment);
        String portal = "http://localhost:" + Service.REPORTS.httpPort(environment).orElse(8080);
        PortalConnections http = new PortalConnections(URI.create(portal), CALL_DEADLINE);
        try {
            System.out.println("Setting up: Harrow's inspection carried to a published report; a 91-case inspection judged and submitted; "
                    + "40 cases judged as drafts to edit");
            PublishedInspection.Result harrow = PublishedInspection.HARROW.carry(cases, ratings, reports, signIns, line -> { });
            CallCredentials lead = signIns.as(SignIns.LEAD_INSPECTOR);
            CallCredentials inspector = signIns.as(SignIns.INSPECTOR);
            JudgedInspection tallied = JudgedInspection.make(cases, ratings, signIns, 52, 39, true);
            JudgedInspection edited = JudgedInspection.make(cases, ratings, signIns, 24, 16, false);
            System.out.printf("Tallies of %s: %d cases judged and submitted; %d draft judgements to edit in %s%n", tallied.name(),
                    tallied.judgements().size(), edited.judgements().size(), edited.name());
            String publicationId = harrow.publication().getName().substring("publications/".length());

            CalculateRatingsRequest kent = KentInputs.request();
            var rating = RatingServiceGrpc.newFutureStub(ratings).withCallCredentials(signIns.as(SignIns.INTEGRATION));
            var tallies = JudgementServiceGrpc.newFutureStub(cases).withCallCredentials(lead);
            GetJudgementTalliesRequest talliesRequest = GetJudgementTalliesRequest.newBuilder().setInspection(tallied.name()).build();
            var judging = JudgementServiceGrpc.newFutureStub(cases).withCallCredentials(inspector);
            ConcurrentLinkedQueue<CaseJudgements> drafts = new ConcurrentLinkedQueue<>(edited.judgements().values());
            AtomicLong edits = new AtomicLong();
            var reporting = ReportServiceGrpc.newFutureStub(reports).withCallCredentials(signIns.as(SignIns.PUBLISHER));
            ReportFormat[] formats = {ReportFormat.REPORT_FORMAT_HTML, ReportFormat.REPORT_FORMAT_MARKDOWN, ReportFormat.REPORT_FORMAT_JSON};
            AtomicLong renders = new AtomicLong();

            Map<String, Supplier<ListenableFuture<?>>> grpcCalls = new LinkedHashMap<>();
            grpcCalls.put("CalculateRatings", () -> rating.withDeadlineAfter(CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS).calculateRatings(kent));
            grpcCalls.put("GetJudgementTallies", () -> tallies.withDeadlineAfter(CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                    .getJudgementTallies(talliesRequest));
            grpcCalls.put("RenderReport", () -> reporting.withDeadlineAfter(CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                    .renderReport(RenderReportRequest.newBuilder().setName(harrow.publication().getReport())
                            .setFormat(formats[(int) (renders.getAndIncrement() % formats.length)]).build()));
            grpcCalls.put("UpdateCaseJudgements", () -> edit(judging, drafts, edits.incrementAndGet()));
            Map<String, String> portalCalls = Map.of(
                    "Portal GET /api/v1/reports", "/api/v1/reports?page_size=20",
                    "Portal GET /api/v1/reports/{id}/html", "/api/v1/reports/" + publicationId + "/html",
                    "Portal GET /api/v1/ratings.json", "/api/v1/ratings.json");

            System.out.printf("Driving %,d calls/s for %d s after %d s of warm-up (cases %s, ratings %s, reports %s, portal %s)%n",
                    rate, duration.toSeconds(), warmup.toSeconds(), address(Service.CASES, environment), address(Service.RATINGS, environment),
                    address(Service.REPORTS, environment), portal);
            Semaphore outstanding = new Semaphore(Integer.MAX_VALUE);
            long period = 1_000_000_000L / rate;
            long start = System.nanoTime();
            long measureFrom = start + warmup.toNanos();
            long rampedBy = start + warmup.toNanos() / 2;
            long end = measureFrom + duration.toNanos();
            long sent = 0;
            for (long due = start; due < end; due += ramped(period, due - start, rampedBy - start), sent++) {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                if (!recording && due >= measureFrom) {
                    latencies.values().forEach(Recorder::reset);
                    errors.values().forEach(e -> e.set(0));
                    calls.values().forEach(c -> c.set(0));
                    firstErrors.clear();
                    skipped.set(0);
                    cpuAtStart = cpuTimes(environment);
                    recording = true;
                }
                String method = MIX[(int) (sent % MIX.length)];
                long callDue = due;
                outstanding.acquireUninterruptibly();
                if (grpcCalls.containsKey(method)) {
                    ListenableFuture<?> answer;
                    try {
                        answer = grpcCalls.get(method).get();
                    } catch (RuntimeException e) {
                        answer = Futures.immediateFailedFuture(e);
                    }
                    Futures.addCallback(answer, new FutureCallback<Object>() {
                        @Override
                        public void onSuccess(Object result) {
                            done(method, callDue, null);
                            outstanding.release();
                        }

                        @Override
                        public void onFailure(Throwable t) {
                            done(method, callDue, t);
                            outstanding.release();
                        }
                    }, MoreExecutors.directExecutor());
                } else {
                    http.get(portalCalls.get(method)).whenComplete((status, failure) -> {
                        done(method, callDue, failure != null ? failure : status == 200 ? null : new IllegalStateException("HTTP " + status));
                        outstanding.release();
                    });
                }
            }
            long sendingEnded = System.nanoTime();
            // The last calls answer, or their deadline passes.
            outstanding.tryAcquire(Integer.MAX_VALUE, CALL_DEADLINE.toMillis() + 2000, TimeUnit.MILLISECONDS);
            recording = false;
            Map<String, Duration> cpuAtEnd = cpuTimes(environment);
            report(rate, duration, (sendingEnded - measureFrom) / 1e9, environment);
            reportCpu(cpuAtEnd, (System.nanoTime() - measureFrom) / 1e9);
            return errors.values().stream().mapToLong(AtomicLong::get).sum() == 0 ? 0 : 1;
        } finally {
            cases.shutdownNow();
            ratings.shutdownNow();
            reports.shutdownNow();
            http.close();
        }
    }

    /**
     * The time to the next call: the rate rises from a tenth to the full rate over the first half
     * of the warm-up, as load reaches a service that has just started. At the full rate from its
     * first second, a cold suite (every method interpreted, the optimising compiler busy) fell
     * behind, and the calls queued past their deadlines.
     */
    private static long ramped(long period, long sinceStart, long rampLength) {
        if (sinceStart >= rampLength) {
            return period;
        }
        return (long) (period / Math.max(0.1, (double) sinceStart / rampLength));
    }

    /** Edits one draft's first note with its etag; the draft returns to the pool with its new etag once answered. */
    private static ListenableFuture<?> edit(JudgementServiceGrpc.JudgementServiceFutureStub judging, ConcurrentLinkedQueue<CaseJudgements> drafts,
                                            long n) {
        CaseJudgements draft = drafts.poll();
        if (draft == null) {
            return Futures.immediateFailedFuture(new NoDraftFree());
        }
        KeyQuestionJudgement first = draft.getKeyQuestions(0);
        ListenableFuture<yardstick.cases.v1.UpdateCaseJudgementsResponse> answer = judging
                .withDeadlineAfter(CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                .updateCaseJudgements(UpdateCaseJudgementsRequest.newBuilder().setJudgements(draft.toBuilder()
                        .setKeyQuestions(0, first.toBuilder().setNote("Edited under load, edit " + n))).build());
        Futures.addCallback(answer, new FutureCallback<>() {
            @Override
            public void onSuccess(yardstick.cases.v1.UpdateCaseJudgementsResponse result) {
                drafts.add(result.getJudgements());
            }

            @Override
            public void onFailure(Throwable t) {
                // The edit may have been made though its answer was lost (a deadline passed): the draft goes back with
                // the etag it has now, read again, so that the next edit of it is not refused as stale.
                Futures.addCallback(judging.withDeadlineAfter(CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                        .getCaseJudgements(GetCaseJudgementsRequest.newBuilder().setName(draft.getName()).build()), new FutureCallback<>() {
                    @Override
                    public void onSuccess(GetCaseJudgementsResponse current) {
                        drafts.add(current.getJudgements());
                    }

                    @Override
                    public void onFailure(Throwable again) {
                        drafts.add(draft);
                    }
                }, MoreExecutors.directExecutor());
            }
        }, MoreExecutors.directExecutor());
        return answer;
    }

    /** Every draft has an edit in flight: the driver skips this edit rather than send a stale etag. Not the service's error. */
    private static final class NoDraftFree extends IllegalStateException {
        NoDraftFree() {
            super("every draft has an edit in flight", null);
        }
    }

    private void done(String method, long due, Throwable failure) {
        if (!recording) {
            return;
        }
        if (failure instanceof NoDraftFree) {
            skipped.incrementAndGet();
            return;
        }
        calls.get(method).incrementAndGet();
        if (failure != null) {
            errors.get(method).incrementAndGet();
            if (firstErrors.size() < 10) {
                firstErrors.add(method + ": " + failure);
            }
            return;
        }
        latencies.get(method).recordValue(Math.max(0, System.nanoTime() - due) / 1000);
    }

    private void report(int rate, Duration duration, double seconds, Map<String, String> environment) throws IOException {
        System.out.printf("%n%-40s %9s %8s %9s %9s %9s %7s%n", "method", "calls/s", "calls", "p50 ms", "p99 ms", "p99.9 ms", "errors");
        long total = 0;
        long totalErrors = 0;
        Histogram all = new Histogram(3);
        for (String method : latencies.keySet()) {
            Histogram h = latencies.get(method).getIntervalHistogram();
            all.add(h);
            long n = calls.get(method).get();
            total += n;
            totalErrors += errors.get(method).get();
            System.out.printf("%-40s %9.1f %8d %9.2f %9.2f %9.2f %7d%n", method, n / seconds, n, h.getValueAtPercentile(50) / 1000.0,
                    h.getValueAtPercentile(99) / 1000.0, h.getValueAtPercentile(99.9) / 1000.0, errors.get(method).get());
        }
        System.out.printf("%-40s %9.1f %8d %9.2f %9.2f %9.2f %7d%n", "all (target " + rate + "/s for " + duration.toSeconds() + " s)",
                total / seconds, total, all.getValueAtPercentile(50) / 1000.0, all.getValueAtPercentile(99) / 1000.0,
                all.getValueAtPercentile(99.9) / 1000.0, totalErrors);
        firstErrors.forEach(e -> System.out.println("  error: " + e));
        if (skipped.get() > 0) {
            System.out.println("  " + skipped.get() + " judgement edits not sent: every draft had an edit in flight (the service was slow to answer)");
        }
        System.out.println();
        for (Service service : Service.ALL) {
            System.out.println(service.name() + " resident memory at the end: " + residentMemory(service));
        }
    }

    /** VmRSS of the service's JVM, as /proc reports it. */
    private static String residentMemory(Service service) throws IOException {
        List<String> found = new ArrayList<>();
        for (ProcessHandle process : processes(service)) {
            Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
            if (Files.isReadable(status)) {
                Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS:"))
                        .forEach(l -> found.add(l.substring(6).trim() + " (pid " + process.pid() + ")"));
            }
        }
        return found.isEmpty() ? "(no process found)" : String.join(", ", found);
    }

    /** The service's JVMs: found by its runnable jar, under this suite's root, on their command line. */
    private static List<ProcessHandle> processes(Service service) {
        Path target = Path.of(System.getProperty("yardstick.root", ".")).toAbsolutePath().normalize().resolve(service.name()).resolve("target");
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                .map(c -> c.contains(target + "/" + service.name() + "-") && c.contains("-all.jar")).orElse(false)).toList();
    }

    /** The postmaster of the service's embedded PostgreSQL, from its postmaster.pid; none when it uses a database elsewhere. */
    private static Optional<ProcessHandle> embeddedPostgres(Service service, Map<String, String> environment) {
        Path pid = service.embeddedDatabase(Path.of(System.getProperty("yardstick.root", ".")), environment).resolve("postmaster.pid");
        try {
            return Files.isReadable(pid) ? ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).get(0).trim())) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * CPU time so far of each service's JVMs, of its embedded PostgreSQL with its backends (none when the
     * service uses a database elsewhere) and of this driver, which shares the machine: what the calls cost, not how long they took.
     */
    private static Map<String, Duration> cpuTimes(Map<String, String> environment) {
        Map<String, Duration> times = new LinkedHashMap<>();
        for (Service service : Service.ALL) {
            List<ProcessHandle> jvms = processes(service);
            times.put(service.name(), cpu(jvms.stream()));
            times.put(service.name() + "'s PostgreSQL", cpu(embeddedPostgres(service, environment).stream()
                    .flatMap(postmaster -> Stream.concat(Stream.of(postmaster), postmaster.descendants()))));
        }
        times.put("load driver", cpu(Stream.of(ProcessHandle.current())));
        return times;
    }

    private static Duration cpu(java.util.stream.Stream<ProcessHandle> processes) {
        return processes.map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO)).reduce(Duration.ZERO, Duration::plus);
    }

    /**
     * CPU per call answered while measuring, for each process. A process's time counts only if it
     * ran throughout (a backend that ended meanwhile takes its time with it), so these are floors.
     */
    private void reportCpu(Map<String, Duration> atEnd, double seconds) {
        long answered = calls.values().stream().mapToLong(AtomicLong::get).sum();
        if (answered == 0 || cpuAtStart.isEmpty()) {
            return;
        }
        System.out.printf("%nCPU per call answered (%,d calls in %.0f s):%n", answered, seconds);
        double total = 0;
        for (Map.Entry<String, Duration> end : atEnd.entrySet()) {
            double ms = Math.max(0, end.getValue().minus(cpuAtStart.getOrDefault(end.getKey(), Duration.ZERO)).toNanos()) / 1e6 / answered;
            total += ms;
            System.out.printf("  %-30s %7.3f ms%n", end.getKey(), ms);
        }
        System.out.printf("  %-30s %7.3f ms: at this cost %d cores answer at most about %,.0f calls/s%n", "all", total,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().availableProcessors() * 1000 / total);
    }

    /** Answers are taken on the channel's event loop: the driver's callbacks only record them, and a hand-off to a pool per answer cost more than that. */
    private static ManagedChannel channel(Service service, Map<String, String> environment) {
        return ManagedChannelBuilder.forTarget(address(service, environment)).usePlaintext().directExecutor().build();
    }

    private static String address(Service service, Map<String, String> environment) {
        return "localhost:" + service.grpcPort(environment);
    }

    private static Duration duration(String text) {
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(Long.parseLong(text));
        };
    }
}
