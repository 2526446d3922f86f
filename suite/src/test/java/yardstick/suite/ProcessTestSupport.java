package yardstick.suite;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.grpc.CallCredentials;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import yardstick.platform.database.FreePort;
import yardstick.platform.testing.ScratchDirectories;
import yardstick.platform.testing.TestIdentity;

/**
 * What the process tests share: where the build is, fresh data folders, free ports, signals, and the
 * identity provider (one per test JVM, {@link TestIdentity#provider()}) that every service trusts.
 */
final class ProcessTestSupport {

    private static SignIns signIns;
    private static CallCredentials tester;

    private ProcessTestSupport() {
    }

    static Path root() {
        return Path.of(System.getProperty("yardstick.root", "..")).toAbsolutePath().normalize();
    }

    static Path freshDataDirectory(String name) {
        return ScratchDirectories.fresh(root().resolve("suite").resolve("target").resolve("it-data"), name + "-");
    }

    /** The machine's environment with the suite moved to free ports and a data folder of its own. */
    static Map<String, String> environment(Path dataDirectory) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("YARDSTICK_DATA_DIR", dataDirectory.toString());
        // Every port, the databases' too, chosen together so that no two services reach for the same one.
        java.util.Iterator<Integer> ports = FreePort.findAll(4 * Service.ALL.size()).iterator();
        environment.remove("YARDSTICK_METRICS_PORT");
        for (Service service : Service.ALL) {
            environment.put(service.grpcPortVariable(), String.valueOf(ports.next()));
            environment.put(service.metricsPortVariable(), String.valueOf(ports.next()));
            environment.put(service.name().toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_EMBEDDED_DATABASE_PORT",
                    String.valueOf(ports.next()));
            int http = ports.next();
            service.httpPortVariable().ifPresent(v -> environment.put(v, String.valueOf(http)));
        }
        environment.put("CASE_SERVICE_ADDRESS", "localhost:" + environment.get("CASE_SERVICE_PORT"));
        environment.put("RATING_SERVICE_ADDRESS", "localhost:" + environment.get("RATING_SERVICE_PORT"));
        // The services trust the tests' provider; the launcher's commands (import, token) sign in at it.
        environment.putAll(TestIdentity.provider().serviceEnvironment());
        environment.put("YARDSTICK_IDP_PORT", String.valueOf(TestIdentity.provider().port()));
        return environment;
    }

    /** The local users of the tests' identity provider, by role or by name, each signed in once. */
    static synchronized SignIns signIns() {
        if (signIns == null) {
            signIns = new SignIns(TestIdentity.tokens());
        }
        return signIns;
    }

    /**
     * The tester ({@link TestIdentity#TESTER}), holding every person's role: who the tests act as unless they
     * say otherwise. As the creator of the tests' inspections the tester is their lead, so on their team.
     */
    static synchronized CallCredentials tester() {
        if (tester == null) {
            tester = SignIns.bearer(TestIdentity.tester());
        }
        return tester;
    }

    /** Sends {@code credentials} on every call whose stub does not carry credentials of its own. */
    static ClientInterceptor signedIn(CallCredentials credentials) {
        return new ClientInterceptor() {
            @Override
            public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
                return next.newCall(method, options.getCredentials() == null ? options.withCallCredentials(credentials) : options);
            }
        };
    }

    /** The framework {@code name} (for example frameworks/youth-2019), as rating-service serves it, read as the tester. */
    static yardstick.ratings.v1.Framework framework(RunningServices services, String name) {
        io.grpc.ManagedChannel ratings = services.channel(Service.RATINGS);
        try {
            return yardstick.ratings.v1.FrameworkServiceGrpc.newBlockingStub(ratings).withDeadlineAfter(30, java.util.concurrent.TimeUnit.SECONDS)
                    .getFramework(yardstick.ratings.v1.GetFrameworkRequest.newBuilder().setName(name).build()).getFramework();
        } finally {
            ratings.shutdownNow();
        }
    }

    /** The broken rules of a FAILED_PRECONDITION refusal, failing the test when it is another. */
    static List<com.google.rpc.PreconditionFailure.Violation> violations(io.grpc.StatusRuntimeException refused) {
        org.junit.jupiter.api.Assertions.assertEquals(io.grpc.Status.Code.FAILED_PRECONDITION, refused.getStatus().getCode(),
                refused.getStatus().toString());
        try {
            return io.grpc.protobuf.StatusProto.fromThrowable(refused).getDetails(0).unpack(com.google.rpc.PreconditionFailure.class)
                    .getViolationsList();
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    /** Live processes whose command line mentions {@code text}, such as a data folder. */
    static List<ProcessHandle> processesMentioning(String text) {
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains(text)).orElse(false))
                .toList();
    }

    static void signal(String signal, String target) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", "-" + signal, "--", target).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill -" + signal + " " + target + " failed with " + exit);
        }
    }

    /** Ends whatever a failed test left running in its data folder. */
    static void killEverythingMentioning(String text) {
        processesMentioning(text).forEach(ProcessHandle::destroyForcibly);
    }
}
