package yardstick.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import yardstick.contracts.HealthProbe;
import yardstick.ratings.v1.FrameworkServiceGrpc;
import yardstick.ratings.v1.GetFrameworkRequest;

/**
 * {@code ./yardstick up} as a person runs it: the launcher starts the three services, says when all
 * are healthy, and a Ctrl-C (SIGINT to the whole process group, as a terminal sends it) stops
 * every one of them and every PostgreSQL, leaving nothing behind; a second start finds its data.
 * Given no issuer, the launcher runs the local identity provider the services trust, and
 * {@code ./yardstick token ROLE} signs in at it.
 */
class SuiteLifecycleIT {

    private static final String HEALTHY = "All three services are healthy";

    private Path data;

    @AfterEach
    void cleanUp() {
        if (data != null) {
            ProcessTestSupport.killEverythingMentioning(data.toString());
        }
    }

    @Test
    void upStartsAllThreeHealthyAndCtrlCLeavesNoProcessBehindTwice() throws Exception {
        data = ProcessTestSupport.freshDataDirectory("suite");
        Map<String, String> environment = new java.util.HashMap<>(ProcessTestSupport.environment(data));
        // No issuer of the tests' own: the launcher starts the local provider, here on a free port.
        environment.keySet().removeIf(name -> name.startsWith("YARDSTICK_OIDC_"));
        environment.put("YARDSTICK_IDP_PORT", String.valueOf(yardstick.platform.database.FreePort.findAll(1).get(0)));

        runOnceAndInterrupt(environment);
        for (String service : List.of("case-service", "rating-service", "report-service")) {
            assertTrue(Files.isRegularFile(data.resolve(service).resolve("postgres").resolve("PG_VERSION")),
                    service + " keeps its cluster under the data folder");
        }
        runOnceAndInterrupt(environment);
    }

    private void runOnceAndInterrupt(Map<String, String> environment) throws Exception {
        Path launcher = ServiceProcess.jar(ProcessTestSupport.root(), "suite");
        ProcessBuilder builder = new ProcessBuilder("setsid", javaBinary(),
                "-Dyardstick.root=" + ProcessTestSupport.root(), "-jar", launcher.toString(), "up")
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        List<String> output = new ArrayList<>();
        CompletableFuture<Boolean> healthy = new CompletableFuture<>();
        Thread reader = new Thread(() -> read(process, output, healthy));
        reader.setDaemon(true);
        reader.start();

        assertTrue(healthy.get(3, TimeUnit.MINUTES), () -> "the suite never said it was healthy:\n" + String.join("\n", output));
        for (Service service : Service.ALL) {
            assertEquals(ServingStatus.SERVING,
                    HealthProbe.check("localhost:" + service.grpcPort(environment), Duration.ofSeconds(2)), service.name());
        }
        List<ProcessHandle> services = process.descendants().filter(p -> p.info().command().orElse("").endsWith("java")).toList();
        assertEquals(3, services.size(), "one Java process per service");
        assertEquals(3, ProcessTestSupport.processesMentioning(data.toString() + "/").stream()
                .filter(p -> p.info().commandLine().orElse("").contains("bin/postgres")).count(), "one PostgreSQL per service");
        String port = environment.get("YARDSTICK_IDP_PORT");
        synchronized (output) {
            assertTrue(output.stream().anyMatch(l -> l.contains("identity") && l.contains("issuer http://localhost:" + port + "/yardstick")),
                    "the issuer is printed with the services:\n" + String.join("\n", output));
        }
        signsInAtTheLaunchersProvider(environment);

        // Ctrl-C: the terminal signals the whole foreground process group, which setsid made the launcher's.
        ProcessTestSupport.signal("INT", "-" + process.pid());
        assertTrue(process.waitFor(90, TimeUnit.SECONDS), "the launcher stops after Ctrl-C");
        for (ProcessHandle service : services) {
            assertTrue(service.onExit().get(30, TimeUnit.SECONDS) != null);
        }
        assertEquals(List.of(), ProcessTestSupport.processesMentioning(data.toString()).stream()
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList(), "nothing left running");
        assertEquals(1, token(environment, "publisher").exitValue(), "the identity provider stopped with the suite");
    }

    /** {@code ./yardstick token ROLE}'s token is one the services take; without one they refuse; an unknown role is refused. */
    private static void signsInAtTheLaunchersProvider(Map<String, String> environment) throws Exception {
        ManagedChannel channel = ManagedChannelBuilder.forTarget("localhost:" + Service.RATINGS.grpcPort(environment)).usePlaintext().build();
        try {
            GetFrameworkRequest request = GetFrameworkRequest.newBuilder().setName("frameworks/youth-2021").build();
            StatusRuntimeException anonymous = assertThrows(StatusRuntimeException.class,
                    () -> FrameworkServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS).getFramework(request));
            assertEquals(Status.Code.UNAUTHENTICATED, anonymous.getStatus().getCode());

            Process publisher = token(environment, "publisher");
            String token = new String(publisher.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertEquals(0, publisher.exitValue(), token);
            assertEquals("frameworks/youth-2021", FrameworkServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                    .withCallCredentials(SignIns.bearer(token)).getFramework(request).getFramework().getName());

            Process named = token(environment, "inspector", "--subject", "inspector-9");
            assertEquals(0, named.exitValue());
            assertEquals(3, new String(named.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().split("\\.").length, "a JWT");

            Process unknown = token(environment, "chief-executive");
            assertEquals(2, unknown.exitValue());
            assertTrue(new String(unknown.getInputStream().readAllBytes(), StandardCharsets.UTF_8).contains("unknown role 'chief-executive'"));
        } finally {
            channel.shutdownNow();
        }
    }

    /** Runs {@code ./yardstick token ARGS...} to its end; its output and error together. */
    private static Process token(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Dyardstick.root=" + ProcessTestSupport.root(), "-jar",
                ServiceProcess.jar(ProcessTestSupport.root(), "suite").toString(), "token"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        assertTrue(process.waitFor(1, TimeUnit.MINUTES), "token answers");
        return process;
    }

    private static void read(Process process, List<String> output, CompletableFuture<Boolean> healthy) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                synchronized (output) {
                    output.add(line);
                }
                if (line.startsWith(HEALTHY)) {
                    healthy.complete(true);
                }
            }
        } catch (IOException e) {
            // process ended
        }
        healthy.complete(false);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
