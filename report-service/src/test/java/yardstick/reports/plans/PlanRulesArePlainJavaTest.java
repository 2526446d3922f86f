package yardstick.reports.plans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The plan rules stay plain Java: no framework, gRPC, protobuf or JDBC, so they are read and tested on their own. */
class PlanRulesArePlainJavaTest {

    private static final List<String> FORBIDDEN = List.of("import io.micronaut", "import io.grpc", "import com.google", "import java.sql",
            "import javax.sql", "import jakarta", "import yardstick.reports.v1", "import yardstick.reports.api", "import yardstick.reports.store",
            "import yardstick.platform");

    @Test
    void thePlanRulesImportNoFrameworkContractOrStore() throws IOException {
        Path rules = Path.of("src/main/java/yardstick/reports/plans");
        try (Stream<Path> files = Files.list(rules)) {
            List<Path> sources = files.filter(f -> f.toString().endsWith(".java")).toList();
            assertTrue(sources.size() >= 10, "reads the rules' sources: " + sources);
            List<String> offences = sources.stream().flatMap(f -> {
                try {
                    return Files.readAllLines(f).stream().filter(line -> FORBIDDEN.stream().anyMatch(line::startsWith))
                            .map(line -> f.getFileName() + ": " + line);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
            assertEquals(List.of(), offences);
        }
    }
}
