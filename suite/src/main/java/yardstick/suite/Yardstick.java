package yardstick.suite;

import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import yardstick.identity.LocalIdentityProvider;
import yardstick.identity.TokenClient;

/**
 * The {@code ./yardstick} command. {@code up} starts the whole suite in the foreground, with the local
 * identity provider, and stops all of it, PostgreSQL included, on Ctrl-C; {@code status} asks each
 * service's health; {@code token} signs in at the local provider.
 */
public final class Yardstick {

    private static final Duration HEALTHY_PATIENCE = Duration.ofMinutes(3);

    private Yardstick() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "help" : args[0];
        Map<String, String> environment = System.getenv();
        Path root = Path.of(System.getProperty("yardstick.root", ".")).toAbsolutePath().normalize();
        int exit = switch (command) {
            case "up" -> up(root, environment);
            case "status" -> status(environment);
            case "demo" -> demo(environment, args.length > 1 ? args[1] : "kent");
            case "bench" -> bench(Arrays.copyOfRange(args, 1, args.length), environment);
            case "token" -> token(Arrays.copyOfRange(args, 1, args.length), environment);
            case "purge" -> purge(environment);
            case "proxy" -> FaultProxy.run(Arrays.copyOfRange(args, 1, args.length));
            case "load" -> LoadDriver.run(Arrays.copyOfRange(args, 1, args.length), environment);
            case "import" -> args.length == 3
                    ? CaseImport.run("localhost:" + Service.CASES.grpcPort(environment), SignIns.local(environment).as(SignIns.LEAD_INSPECTOR),
                            args[1], Path.of(args[2]))
                    : help();
            default -> help();
        };
        System.exit(exit);
    }

    static int up(Path root, Map<String, String> environment) throws InterruptedException {
        List<String> javaOptions = Arrays.stream(environment.getOrDefault("YARDSTICK_JAVA_OPTS", "-XX:+UseSerialGC -Xmx512m").split("\\s+"))
                .filter(s -> !s.isBlank())
                .toList();
        long started = System.nanoTime();
        System.out.println("Starting Yardstick in " + root);
        // The services trust the user's identity provider if they name one; else the local one, run here.
        Optional<LocalIdentityProvider> identity;
        try {
            identity = environment.getOrDefault("YARDSTICK_OIDC_ISSUER", "").isBlank()
                    ? Optional.of(LocalIdentityProvider.start(SignIns.idpPort(environment)))
                    : Optional.empty();
        } catch (IllegalStateException e) {
            System.out.println(e.getMessage() + " (set YARDSTICK_IDP_PORT to another port)");
            return 1;
        }
        Map<String, String> serviceEnvironment = new HashMap<>(environment);
        // One machine, one port each: YARDSTICK_METRICS_PORT (every service's, in a container) would clash here.
        serviceEnvironment.remove("YARDSTICK_METRICS_PORT");
        identity.ifPresent(provider -> serviceEnvironment.putAll(provider.serviceEnvironment()));
        String issuer = serviceEnvironment.get("YARDSTICK_OIDC_ISSUER");
        Suite suite;
        try {
            suite = Suite.start(root, serviceEnvironment, javaOptions, System.out::println);
        } catch (RuntimeException e) {
            identity.ifPresent(LocalIdentityProvider::close); // its server threads would keep this process alive
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping Yardstick: every service and its PostgreSQL ...");
            try {
                suite.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            identity.ifPresent(LocalIdentityProvider::close);
            System.out.println("Yardstick stopped.");
            stopped.countDown();
        }, "yardstick-stop"));

        Optional<ServiceProcess> failed = suite.awaitServing(HEALTHY_PATIENCE);
        if (failed.isPresent()) {
            System.out.println(failed.get().service().name() + " did not become healthy; stopping the suite.");
            return 1;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.println();
        for (ServiceProcess process : suite.processes()) {
            Service service = process.service();
            String http = service.httpPort(environment).map(p -> ", HTTP http://localhost:" + p + "/").orElse("");
            System.out.printf("  %-15s gRPC %s%s, metrics http://localhost:%d/metrics (pid %d)%n", service.name(), process.grpcAddress(), http,
                    service.metricsPort(serviceEnvironment), process.pid());
        }
        System.out.printf("  %-15s issuer %s%s%n", "identity", issuer,
                identity.isPresent() ? " (local users; a token: ./yardstick token ROLE)" : " (YARDSTICK_OIDC_ISSUER)");
        System.out.printf("All three services are healthy after %.1f s. Press Ctrl-C to stop them all.%n%n", seconds);

        while (suite.exited().isEmpty()) {
            Thread.sleep(500);
        }
        System.out.println(suite.exited().get().service().name() + " exited; stopping the suite.");
        return 1;
    }

    static int status(Map<String, String> environment) {
        boolean allServing = true;
        for (Service service : Service.ALL) {
            String address = "localhost:" + service.grpcPort(environment);
            ServingStatus status = yardstick.contracts.HealthProbe.check(address, Duration.ofSeconds(2));
            allServing &= status == ServingStatus.SERVING;
            System.out.printf("%-15s %-16s %s%n", service.name(), address, status == ServingStatus.UNKNOWN ? "NOT RUNNING" : status);
        }
        return allServing ? 0 : 1;
    }

    /** Carries a synthetic inspection reproducing a published report through the running suite, and prints where to read it. */
    static int demo(Map<String, String> environment, String which) throws Exception {
        PublishedInspection inspection = switch (which) {
            case "kent" -> PublishedInspection.KENT;
            case "harrow" -> PublishedInspection.HARROW;
            case "kent-2022" -> PublishedInspection.KENT_A_YEAR_LATER;
            default -> null;
        };
        if (inspection == null) {
            System.out.println("demo knows kent, harrow and kent-2022 (a synthetic follow-up of Kent a year later)");
            return 2;
        }
        for (Service service : Service.ALL) {
            String address = "localhost:" + service.grpcPort(environment);
            // Generous: the first probe of a fresh launcher loads its gRPC classes, slow on a busy machine.
            if (yardstick.contracts.HealthProbe.check(address, Duration.ofSeconds(10)) != ServingStatus.SERVING) {
                System.out.println(service.name() + " is not serving at " + address + ": start the suite with ./yardstick up first");
                return 1;
            }
        }
        io.grpc.ManagedChannel cases = channel(Service.CASES, environment);
        io.grpc.ManagedChannel ratings = channel(Service.RATINGS, environment);
        io.grpc.ManagedChannel reports = channel(Service.REPORTS, environment);
        try {
            long started = System.nanoTime();
            PublishedInspection.Result result = inspection.carry(cases, ratings, reports, SignIns.local(environment),
                    line -> System.out.println("  " + line));
            String portal = "http://localhost:" + Service.REPORTS.httpPort(environment).orElse(8080);
            String id = result.publication().getName().substring("publications/".length());
            System.out.printf("%nDone in %.1f s. The published report:%n  %s/reports/%s%n  (as published: %s/api/v1/reports/%s/html, "
                    + ".../pdf, .../md, .../json; every service inspected: %s/, the national picture: %s/national-picture)%n",
                    (System.nanoTime() - started) / 1e9, portal, id, portal, id, portal, portal);
            if (result.plan().isPresent()) {
                System.out.printf("The service's improvement plan beside it:%n  %s/api/v1/reports/%s/plan/html%n", portal, id);
            }
            return 0;
        } finally {
            cases.shutdownNow();
            ratings.shutdownNow();
            reports.shutdownNow();
        }
    }

    /**
     * Purges, as the local administrator, the case data of every inspection closed longer ago than
     * case-service's retention (the daily job does the same), and says what went.
     */
    static int purge(Map<String, String> environment) {
        io.grpc.ManagedChannel cases = channel(Service.CASES, environment);
        try {
            var answer = yardstick.cases.v1.InspectionServiceGrpc.newBlockingStub(cases).withDeadlineAfter(5, java.util.concurrent.TimeUnit.MINUTES)
                    .withCallCredentials(SignIns.local(environment).as(SignIns.ADMINISTRATOR))
                    .purgeExpiredCaseData(yardstick.cases.v1.PurgeExpiredCaseDataRequest.getDefaultInstance());
            if (answer.getPurgedInspectionsCount() == 0) {
                System.out.println("No inspection's case data is past its retention: nothing purged.");
            }
            for (var purged : answer.getPurgedInspectionsList()) {
                System.out.printf("%s, closed %s: purged %,d eligible cases, %,d sampled cases, %,d case judgements%n", purged.getName(),
                        com.google.protobuf.util.Timestamps.toString(purged.getCloseTime()), purged.getEligibleCases(), purged.getSampledCases(),
                        purged.getCaseJudgements());
            }
            return 0;
        } catch (io.grpc.StatusRuntimeException e) {
            System.out.println("purge refused: " + e.getStatus().getCode() + ": " + e.getStatus().getDescription());
            return 1;
        } finally {
            cases.shutdownNow();
        }
    }

    private static io.grpc.ManagedChannel channel(Service service, Map<String, String> environment) {
        return io.grpc.ManagedChannelBuilder.forAddress("localhost", service.grpcPort(environment)).usePlaintext()
                .maxInboundMessageSize(64 * 1024 * 1024).build();
    }

    static int bench(String[] args, Map<String, String> environment) throws Exception {
        if (args.length > 0 && args[0].equals("cases")) {
            int size = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
            return CasesBenchmark.run(Path.of(System.getProperty("yardstick.root", ".")).toAbsolutePath(), environment,
                    SignIns.local(environment), size, 2000);
        }
        if (args.length > 0 && args[0].equals("portal")) {
            int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
            return PortalBenchmark.run("http://localhost:" + Service.REPORTS.httpPort(environment).orElse(8080), Duration.ofSeconds(5),
                    Duration.ofSeconds(10), concurrency);
        }
        String address = "localhost:" + Service.RATINGS.grpcPort(environment);
        int seconds = 10;
        int concurrency = 4;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--address" -> address = args[i + 1];
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[i + 1]);
                default -> {
                    System.out.println("unknown option " + args[i]);
                    return 2;
                }
            }
        }
        return RatingsBenchmark.run(address, SignIns.local(environment).as(SignIns.INTEGRATION), Duration.ofSeconds(Math.max(2, seconds / 2)), Duration.ofSeconds(seconds), concurrency);
    }

    /**
     * {@code token ROLE [--subject NAME]}: a bearer token from the local identity provider of the running suite, for the
     * role's default local user, or for NAME holding the role.
     */
    static int token(String[] args, Map<String, String> environment) {
        if (args.length != 1 && !(args.length == 3 && args[1].equals("--subject"))) {
            System.err.println("usage: ./yardstick token ROLE [--subject NAME]; ROLE is one of " + String.join(", ", SignIns.ROLES));
            return 2;
        }
        String role = args[0];
        if (!SignIns.ROLES.contains(role)) {
            System.err.println("unknown role '" + role + "': one of " + String.join(", ", SignIns.ROLES));
            return 2;
        }
        String tokenUrl = SignIns.localTokenUrl(environment);
        TokenClient tokens = new TokenClient(tokenUrl);
        try {
            System.out.println(args.length == 1 ? tokens.signInAs(role) : tokens.signIn(args[2], role));
            return 0;
        } catch (UncheckedIOException e) {
            System.err.println("no identity provider answers at " + tokenUrl + ": start the suite with ./yardstick up first");
            return 1;
        }
    }

    static int help() {
        System.out.println("""
                Usage: ./yardstick COMMAND

                  up       build what is missing, start case-service, rating-service and report-service
                           (each with its own PostgreSQL under ./data/<service>/) and the local identity
                           provider they trust (port YARDSTICK_IDP_PORT, 8090; none if YARDSTICK_OIDC_ISSUER
                           names your own), wait until all are healthy; Ctrl-C stops everything
                  status   the health of each service
                  demo [kent|harrow|kent-2022]
                           against the running suite: a synthetic inspection carried through every service
                           (the service registered if it is not yet, population, sample, judgements that
                           reproduce Kent's (or Harrow's) published figures, ratings with the panel's
                           discretion, report, publication); kent-2022 is a synthetic follow-up of Kent a
                           year later, so that the portal shows a trend; prints the report's address at
                           http://localhost:8080/
                  token ROLE [--subject NAME]
                           a bearer token from the running suite's local identity provider, for ROLE's default
                           local user (inspector-1, lead-inspector-1, ...) or for NAME holding ROLE; ROLE is one of
                           inspector, lead-inspector, ratings-panel, publisher, inspected-service, administrator,
                           integration. Use it as: -H "authorization: Bearer $(./yardstick token publisher)"
                  purge    as the administrator: purge the eligible population, sample and judgements of every
                           inspection closed longer ago than case-service's retention (the daily job does the
                           same); published reports, rating snapshots and plans stay
                  import INSPECTION FILE.csv
                           stream a CSV population into an inspection (all or nothing), with progress;
                           columns: reference,category,disposal_type,disposal_date,release_date,gender,age,
                           ethnicity,risk_of_serious_harm,safety_and_wellbeing,looked_after,case_manager
                  images   build the images: a JRE base and PostgreSQL 17 from Debian packages (unless
                           YARDSTICK_JRE_BASE_IMAGE / YARDSTICK_POSTGRES_IMAGE name registry images), the three
                           services and the local identity provider with Jib; tarballs in .images/, each rebuilt
                           only when what it is made of changed (deploy/images/build.sh)
                  containers [--replicas] [--keep]
                           docker-compose.yml under Docker or podman: the images, the stack with the local
                           identity provider, healthy, ./yardstick demo through it, every rendition and the open
                           data over HTTP, data kept across down and up, then down; prints a summary
                           (deploy/containers.sh). --replicas: two replicas of each service
                  bench    load rating-service over gRPC: CalculateRatings with Kent 2021's inputs
                           against an empty health Check, calls/s, p50/p99 and their ratio
                           [--address localhost:50052] [--seconds 10] [--concurrency 4]
                  load [--rate N] [--duration D] [--warmup W]
                           against the running suite: a mix of CalculateRatings, 91-case tallies, judgement edits
                           with etags, report renditions and portal reads, each as its role, at N calls/s (1000)
                           for D (5m) after W (15s); per method calls/s, p50/p99/p99.9 and errors, and each
                           service's resident memory (sets up a Harrow inspection and two judged ones first)
                  proxy PORT HOST:PORT
                           a fault proxy: forwards PORT to HOST:PORT (point a service's neighbour address at it)
                           and takes commands typed after it: cut, stall, slow MILLIS, restore, quit
                  bench portal [CONCURRENCY]
                           against the running suite (after ./yardstick demo): the portal's listing, a report's
                           HTML and its PDF under 8 (or CONCURRENCY) concurrent callers, calls/s, p50/p99
                  bench cases [N]
                           against the running suite: ImportCases of N (100,000) cases beside PostgreSQL COPY
                           of the same rows, PlanSample + DrawSample on them, GetJudgementTallies p50/p99
                           for an inspection of 91 fully judged cases
                """);
        return 0;
    }
}
