package yardstick.suite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The three services started together, each as its own process with its own PostgreSQL. */
public final class Suite {

    private static final Duration STOP_PATIENCE = Duration.ofSeconds(30);

    private final List<ServiceProcess> processes;

    private Suite(List<ServiceProcess> processes) {
        this.processes = processes;
    }

    /** Starts every service; each output line goes to {@code output} prefixed with the service's name. */
    public static Suite start(Path root, Map<String, String> environment, List<String> javaOptions, Consumer<String> output) {
        List<ServiceProcess> processes = new ArrayList<>();
        for (Service service : Service.ALL) {
            String prefix = String.format("%-15s| ", service.name());
            processes.add(ServiceProcess.start(root, service, environment, javaOptions, line -> output.accept(prefix + line)));
        }
        return new Suite(processes);
    }

    public List<ServiceProcess> processes() {
        return processes;
    }

    /** Waits until all report SERVING; answers the first that exited or never became healthy. */
    public Optional<ServiceProcess> awaitServing(Duration patience) throws InterruptedException {
        for (ServiceProcess process : processes) {
            if (!process.awaitServing(patience)) {
                return Optional.of(process);
            }
        }
        return Optional.empty();
    }

    /** The first service whose process has exited, if any. */
    public Optional<ServiceProcess> exited() {
        return processes.stream().filter(p -> !p.isAlive()).findFirst();
    }

    /** Stops every service, each stopping its PostgreSQL, and waits for them all. */
    public void stop() throws InterruptedException {
        processes.forEach(p -> p.process().destroy());
        for (ServiceProcess process : processes) {
            process.stop(STOP_PATIENCE);
        }
    }
}
