package yardstick.suite;

import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A service running as its own Java process, from its runnable jar. */
public final class ServiceProcess {

    private final Service service;
    private final Process process;
    private final int grpcPort;

    private ServiceProcess(Service service, Process process, int grpcPort) {
        this.service = service;
        this.process = process;
        this.grpcPort = grpcPort;
    }

    /**
     * Starts the service from {@code <root>/<service>/target/<service>-*-all.jar}, in {@code root}
     * (so relative data directories are under it), each output line passed to {@code output}.
     */
    public static ServiceProcess start(Path root, Service service, Map<String, String> environment,
                                       List<String> javaOptions, Consumer<String> output) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.add("-jar");
        command.add(jar(root, service.name()).toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            Thread pump = new Thread(() -> pump(process, service, output), service.name() + "-output");
            pump.setDaemon(true);
            pump.start();
            return new ServiceProcess(service, process, service.grpcPort(environment));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + service.name(), e);
        }
    }

    /** A module's runnable jar; fails with the command that builds it if it is missing. */
    public static Path jar(Path root, String module) {
        Path target = root.resolve(module).resolve("target");
        if (Files.isDirectory(target)) {
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, module + "-*-all.jar")) {
                for (Path jar : jars) {
                    return jar;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no runnable jar for " + module + " in " + target
                + "; build it with ./mvnw -DskipTests package");
    }

    private static void pump(Process process, Service service, Consumer<String> output) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.accept(line);
            }
        } catch (IOException e) {
            // the process has gone; its exit is reported by whoever waits for it
        }
    }

    public Service service() {
        return service;
    }

    public String grpcAddress() {
        return "localhost:" + grpcPort;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Process process() {
        return process;
    }

    public ServingStatus health() {
        return yardstick.contracts.HealthProbe.check(grpcAddress(), Duration.ofSeconds(2));
    }

    /** Waits until the service reports SERVING; false if it exited or the patience ran out. */
    public boolean awaitServing(Duration patience) throws InterruptedException {
        Instant giveUp = Instant.now().plus(patience);
        while (Instant.now().isBefore(giveUp)) {
            if (!process.isAlive()) {
                return false;
            }
            if (health() == ServingStatus.SERVING) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    /** Asks the service to stop (SIGTERM: it stops its own PostgreSQL) and waits; kills it if it will not. */
    public void stop(Duration patience) throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /** Kills the process outright, as {@code kill -9} does: its PostgreSQL is left running. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }
}
