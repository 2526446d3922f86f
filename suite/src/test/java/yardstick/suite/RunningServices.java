package yardstick.suite;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Some of the services running as real processes for a test class, on free ports with a data
 * folder of their own, each process's output kept in {@code <data>/<service>.log}.
 */
final class RunningServices implements AutoCloseable {

    private final Path data;
    private final Map<String, String> environment;
    private final Map<Service, ServiceProcess> processes = new LinkedHashMap<>();

    private RunningServices(Path data, Map<String, String> environment) {
        this.data = data;
        this.environment = environment;
    }

    static RunningServices start(String name, Service... services) throws IOException, InterruptedException {
        Path data = ProcessTestSupport.freshDataDirectory(name);
        RunningServices running = new RunningServices(data, ProcessTestSupport.environment(data));
        try {
            for (Service service : services) {
                running.start(service);
            }
        } catch (RuntimeException | InterruptedException e) {
            running.close(); // the test class never gets to: leave nothing running
            throw e;
        }
        return running;
    }

    void start(Service service) throws InterruptedException {
        Path log = data.resolve(service.name() + ".log");
        ServiceProcess process = ServiceProcess.start(ProcessTestSupport.root(), service, environment,
                List.of("-Xmx256m", "-XX:+UseSerialGC"), line -> append(log, line));
        processes.put(service, process);
        if (!process.awaitServing(Duration.ofMinutes(2))) {
            throw new IllegalStateException(service.name() + " did not become healthy; see " + log);
        }
    }

    void stop(Service service) throws InterruptedException {
        ServiceProcess process = processes.remove(service);
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
        }
    }

    ServiceProcess process(Service service) {
        return processes.get(service);
    }

    Map<String, String> environment() {
        return environment;
    }

    String address(Service service) {
        return "localhost:" + service.grpcPort(environment);
    }

    /** A channel to the service signed in as the tester; a stub's own call credentials take the tester's place. */
    ManagedChannel channel(Service service) {
        return ManagedChannelBuilder.forTarget(address(service)).usePlaintext()
                .intercept(ProcessTestSupport.signedIn(ProcessTestSupport.tester())).build();
    }

    /** A channel that carries no credentials: each stub signs in as whom it needs ({@link PublishedInspection}). */
    ManagedChannel plainChannel(Service service) {
        return ManagedChannelBuilder.forTarget(address(service)).usePlaintext().build();
    }

    /** Each process's output so far, by service: {@code <data>/<service>.log}. */
    Map<Service, String> logs() throws IOException {
        Map<Service, String> logs = new LinkedHashMap<>();
        for (Service service : Service.ALL) {
            Path log = data.resolve(service.name() + ".log");
            if (Files.exists(log)) {
                logs.put(service, Files.readString(log));
            }
        }
        return logs;
    }

    @Override
    public void close() throws InterruptedException {
        for (Service service : List.copyOf(processes.keySet())) {
            stop(service);
        }
        ProcessTestSupport.killEverythingMentioning(data.toString());
    }

    private static synchronized void append(Path log, String line) {
        try {
            Files.writeString(log, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
