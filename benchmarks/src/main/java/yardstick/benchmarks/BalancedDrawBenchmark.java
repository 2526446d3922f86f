package yardstick.benchmarks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import yardstick.cases.domain.BalancedProbabilityDraw;
import yardstick.cases.domain.CaseCategory;
import yardstick.cases.domain.DisposalType;
import yardstick.cases.domain.DrawnSample;
import yardstick.cases.domain.EligibleCase;
import yardstick.cases.domain.EthnicityGroup;
import yardstick.cases.domain.Gender;
import yardstick.cases.domain.RiskLevel;
import yardstick.cases.domain.SampleSize;

/**
 * The balanced probability draw in process (raking, the cube method's flight and landing), on
 * court populations of 300, 1,000 and 100,000 cases with Kent-like shares and half the disposals
 * in the recency window, n from the sample size formula at 80/5 (91 at each size), a new seed on
 * every call. No database, no network: compare with {@code ./yardstick bench cases}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BalancedDrawBenchmark {

    private static final LocalDate FIELDWORK = LocalDate.of(2021, 6, 21);
    static final Predicate<EligibleCase> RECENT = c -> !c.disposalDate().isBefore(FIELDWORK.minusMonths(9))
            && !c.disposalDate().isAfter(FIELDWORK.minusMonths(6));

    @Param({"300", "1000", "100000"})
    public int population;

    private List<EligibleCase> cases;
    private int size;
    private long seed;

    @Setup
    public void setUp() {
        cases = population(population);
        size = SampleSize.of(population, 0.8, 0.05, 14, 91).size();
    }

    /** The benchmark's court population of {@code population} cases (the same cases on every call). */
    static List<EligibleCase> population(int population) {
        Random random = new Random(12);
        List<EligibleCase> cases = new ArrayList<>(population);
        for (int i = 0; i < population; i++) {
            double type = random.nextDouble();
            cases.add(new EligibleCase(String.format("YJS-%06d", i), CaseCategory.COURT,
                    type < 0.45 ? DisposalType.REFERRAL_ORDER : type < 0.88 ? DisposalType.YOUTH_REHABILITATION_ORDER
                            : type < 0.94 ? DisposalType.CUSTODIAL_SENTENCE : DisposalType.LICENCE,
                    random.nextBoolean() ? FIELDWORK.minusMonths(6).minusDays(random.nextInt(89)) : FIELDWORK.minusDays(1 + random.nextInt(365)),
                    Optional.empty(), random.nextDouble() < 0.15 ? Gender.FEMALE : Gender.MALE, 10 + random.nextInt(8), EthnicityGroup.WHITE,
                    RiskLevel.values()[random.nextInt(4)], RiskLevel.values()[random.nextInt(4)], false, "CM-" + random.nextInt(20)));
        }
        return cases;
    }

    @Benchmark
    public DrawnSample draw() {
        return BalancedProbabilityDraw.draw(cases, size, RECENT, 0.6, ++seed);
    }
}
