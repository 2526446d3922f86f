package yardstick.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import yardstick.platform.database.FreePort;

/** What the process tests share: where the build is, fresh data folders, free ports, signals. */
final class ProcessTestSupport {

    private ProcessTestSupport() {
    }

    static Path root() {
        return Path.of(System.getProperty("yardstick.root", "..")).toAbsolutePath().normalize();
    }

    static Path freshDataDirectory(String name) throws IOException {
        Path parent = root().resolve("suite").resolve("target").resolve("it-data");
        Files.createDirectories(parent);
        return Files.createTempDirectory(parent, name + "-");
    }

    /** The machine's environment with the suite moved to free ports and a data folder of its own. */
    static Map<String, String> environment(Path dataDirectory) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("YARDSTICK_DATA_DIR", dataDirectory.toString());
        // Every port, the databases' too, chosen together so that no two services reach for the same one.
        java.util.Iterator<Integer> ports = FreePort.findAll(3 * Service.ALL.size()).iterator();
        for (Service service : Service.ALL) {
            environment.put(service.grpcPortVariable(), String.valueOf(ports.next()));
            environment.put(service.name().toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_EMBEDDED_DATABASE_PORT",
                    String.valueOf(ports.next()));
            int http = ports.next();
            service.httpPortVariable().ifPresent(v -> environment.put(v, String.valueOf(http)));
        }
        environment.put("CASE_SERVICE_ADDRESS", "localhost:" + environment.get("CASE_SERVICE_PORT"));
        environment.put("RATING_SERVICE_ADDRESS", "localhost:" + environment.get("RATING_SERVICE_PORT"));
        return environment;
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
