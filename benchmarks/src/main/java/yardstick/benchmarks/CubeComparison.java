package yardstick.benchmarks;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import yardstick.cases.domain.BalancedProbabilityDraw;
import yardstick.cases.domain.DrawnSample;
import yardstick.cases.domain.EligibleCase;
import yardstick.cases.domain.Profile;
import yardstick.cases.domain.SampleDesign;
import yardstick.cases.domain.SampleSize;

/**
 * The benchmark's populations for R's {@code sampling::samplecube} ({@code benchmarks/r/samplecube.R}):
 * one CSV per size, a row per case with its inclusion probability and its category in each
 * classification, so that R's cube method balances on the same probabilities and categories; and
 * this draw's own figures on them (every draw's largest distance from a quota, the draws whose landing loosened a
 * bound, elapsed and CPU time per draw).
 *
 * <pre>java -cp benchmarks/target/benchmarks-0.1.0-SNAPSHOT-all.jar yardstick.benchmarks.CubeComparison DIRECTORY [DRAWS]</pre>
 */
public final class CubeComparison {

    /** CPU time as well as elapsed: on a shared machine the elapsed time says more about the neighbours. */
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private CubeComparison() {
    }

    public static void main(String[] arguments) throws IOException {
        Path directory = Path.of(arguments.length > 0 ? arguments[0] : "benchmarks/target/cube-comparison");
        int draws = arguments.length > 1 ? Integer.parseInt(arguments[1]) : 200;
        Files.createDirectories(directory);
        for (int population : new int[] {300, 1000, 100_000}) {
            List<EligibleCase> cases = BalancedDrawBenchmark.population(population);
            int size = SampleSize.of(population, 0.8, 0.05, 14, 91).size();
            List<Profile> profiles = cases.stream().map(c -> Profile.of(c, BalancedDrawBenchmark.RECENT)).toList();
            SampleDesign design = SampleDesign.of(profiles, size, 0.6);
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(directory.resolve("population-" + population + ".csv")))) {
                out.println("pik," + String.join(",", Profile.CLASSIFICATIONS).toLowerCase(Locale.ROOT));
                for (Profile profile : profiles) {
                    StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%.17g", design.inclusionProbability(profile)));
                    Profile.CLASSIFICATIONS.forEach(c -> row.append(',').append(profile.category(c)));
                    out.println(row);
                }
            }
            for (int d = 1; d <= 20; d++) {
                BalancedProbabilityDraw.draw(cases, size, BalancedDrawBenchmark.RECENT, 0.6, -d);
            }
            double worst = 0;
            int outsideOne = 0;
            int loosened = 0;
            long start = System.nanoTime();
            long cpuStart = CPU.getCurrentThreadCpuTime();
            for (int d = 1; d <= draws; d++) {
                DrawnSample sample = BalancedProbabilityDraw.draw(cases, size, BalancedDrawBenchmark.RECENT, 0.6, d);
                worst = Math.max(worst, sample.largestDeviation());
                outsideOne += sample.largestDeviation() > 1 - 1e-9 ? 1 : 0;
                loosened += sample.loosened().isEmpty() ? 0 : 1;
            }
            double cpuMillis = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e6 / draws;
            double millis = (System.nanoTime() - start) / 1e6 / draws;
            System.out.printf(Locale.ROOT, "yardstick  N=%d n=%d draws=%d: largest distance from a quota %.2f cases, %d draws at 1 or more, "
                    + "%d with a loosened landing, %.1f ms per draw (%.1f ms of CPU)%n", population, size, draws, worst, outsideOne, loosened,
                    millis, cpuMillis);
        }
    }
}
