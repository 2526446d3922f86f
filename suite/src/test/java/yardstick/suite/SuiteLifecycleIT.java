package yardstick.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/**
 * {@code ./yardstick up} as a person runs it: the launcher starts the three services, says when all
 * are healthy, and a Ctrl-C (SIGINT to the whole process group, as a terminal sends it) stops
 * every one of them and every PostgreSQL, leaving nothing behind; a second start finds its data.
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
        Map<String, String> environment = ProcessTestSupport.environment(data);

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

        // Ctrl-C: the terminal signals the whole foreground process group, which setsid made the launcher's.
        ProcessTestSupport.signal("INT", "-" + process.pid());
        assertTrue(process.waitFor(90, TimeUnit.SECONDS), "the launcher stops after Ctrl-C");
        for (ProcessHandle service : services) {
            assertTrue(service.onExit().get(30, TimeUnit.SECONDS) != null);
        }
        assertEquals(List.of(), ProcessTestSupport.processesMentioning(data.toString()).stream()
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList(), "nothing left running");
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
