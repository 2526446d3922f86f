package yardstick.benchmarks;

import io.grpc.stub.StreamObserver;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import yardstick.ratings.api.RatingEndpoint;
import yardstick.ratings.store.FrameworkFiles;
import yardstick.ratings.v1.CalculateRatingsRequest;
import yardstick.ratings.v1.CalculateRatingsResponse;

/**
 * The rating rules in process, as CalculateRatings runs them (translation, validation, rules,
 * response), on Kent 2021's published inputs; no network. Compare with {@code ./yardstick bench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RatingRulesBenchmark {

    private RatingEndpoint endpoint;
    private CalculateRatingsRequest kent;

    @Setup
    public void setUp() {
        endpoint = new RatingEndpoint(FrameworkFiles.load(), null, null, null, null, null, null);
        kent = yardstick.suite.KentInputs.request();
    }

    @Benchmark
    public void calculateRatingsForKent(Blackhole blackhole) {
        endpoint.calculateRatings(kent, new StreamObserver<>() {
            @Override
            public void onNext(CalculateRatingsResponse value) {
                blackhole.consume(value);
            }

            @Override
            public void onError(Throwable t) {
                throw new IllegalStateException(t);
            }

            @Override
            public void onCompleted() {
            }
        });
    }
}
