package yardstick.suite;

import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import yardstick.ratings.v1.CalculateRatingsRequest;
import yardstick.ratings.v1.CalculateRatingsResponse;
import yardstick.ratings.v1.RatingServiceGrpc;

/**
 * A load client for rating-service over real gRPC: CalculateRatings with Kent's published inputs,
 * and in the same run an empty health Check on the same server, each measured for calls per
 * second and p50 / p99 latency; the ratio of the two throughputs is the figure that survives a
 * noisy machine. Bounded in time; it sends traffic only to the address given (loopback by default).
 */
final class RatingsBenchmark {

    private RatingsBenchmark() {
    }

    private static final int ROUNDS = 3;

    /** The round with the median throughput. */
    private static Figures median(List<Figures> rounds) {
        return rounds.stream().sorted(java.util.Comparator.comparingDouble(Figures::callsPerSecond)).toList().get(rounds.size() / 2);
    }

    record Figures(String call, long calls, double seconds, double p50Millis, double p99Millis) {
        double callsPerSecond() {
            return calls / seconds;
        }

        @Override
        public String toString() {
            return String.format("%-28s %9.0f calls/s   p50 %6.3f ms   p99 %6.3f ms   (%d calls in %.1f s)",
                    call, callsPerSecond(), p50Millis, p99Millis, calls, seconds);
        }
    }

    interface Call {
        void run();
    }

    /** @param caller who calls CalculateRatings: another system, by the integration role */
    static int run(String address, CallCredentials caller, Duration warmup, Duration measurement, int concurrency) throws InterruptedException {
        ManagedChannel channel = NettyChannelBuilder.forTarget(address).usePlaintext().build();
        try {
            CalculateRatingsRequest kent = KentInputs.request();
            RatingServiceGrpc.RatingServiceBlockingStub ratings = RatingServiceGrpc.newBlockingStub(channel).withCallCredentials(caller);
            HealthGrpc.HealthBlockingStub healthStub = HealthGrpc.newBlockingStub(channel);
            CalculateRatingsResponse answer = ratings.withDeadlineAfter(10, TimeUnit.SECONDS).calculateRatings(kent);
            if (answer.getScore() != 18) {
                System.out.println("rating-service at " + address + " does not rate Kent 18/36 (it says " + answer.getScore() + ")");
                return 1;
            }
            Call calculate = () -> ratings.withDeadlineAfter(10, TimeUnit.SECONDS).calculateRatings(kent);
            Call check = () -> healthStub.withDeadlineAfter(10, TimeUnit.SECONDS).check(HealthCheckRequest.getDefaultInstance());

            System.out.printf("rating-service at %s: %d concurrent callers, %d s warm-up, %d rounds of %d s per call%n",
                    address, concurrency, warmup.toSeconds(), ROUNDS, measurement.toSeconds());
            measure("warm-up", calculate, concurrency, warmup);
            measure("warm-up", check, concurrency, warmup);
            // The two calls alternate, round by round, so that both see the same machine.
            List<Double> ratios = new ArrayList<>();
            List<Figures> health = new ArrayList<>();
            List<Figures> rated = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                Figures healthFigures = measure("Health/Check (empty)", check, concurrency, measurement);
                Figures ratingFigures = measure("CalculateRatings (Kent 2021)", calculate, concurrency, measurement);
                System.out.println("round " + round + "  " + healthFigures);
                System.out.println("round " + round + "  " + ratingFigures);
                health.add(healthFigures);
                rated.add(ratingFigures);
                ratios.add(ratingFigures.callsPerSecond() / healthFigures.callsPerSecond());
            }
            System.out.println("median  " + median(health));
            System.out.println("median  " + median(rated));
            System.out.printf("ratio CalculateRatings / Health throughput per round: %s; median %.2f%n",
                    ratios.stream().map(r -> String.format("%.2f", r)).toList(), ratios.stream().sorted().toList().get(ROUNDS / 2));
            return 0;
        } finally {
            channel.shutdownNow();
        }
    }

    static Figures measure(String name, Call call, int concurrency, Duration duration) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[concurrency];
        List<Thread> callers = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            long[][] mine = {new long[1 << 16]};
            int index = c;
            Thread caller = new Thread(() -> {
                int n = 0;
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    call.run();
                    long took = System.nanoTime() - start;
                    if (n == mine[0].length) {
                        mine[0] = Arrays.copyOf(mine[0], n * 2);
                    }
                    mine[0][n++] = took;
                }
                counts[index] = n;
                synchronized (latencies) {
                    latencies.add(Arrays.copyOf(mine[0], n));
                }
            }, "caller-" + c);
            callers.add(caller);
        }
        long started = System.nanoTime();
        callers.forEach(Thread::start);
        for (Thread caller : callers) {
            caller.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Figures(name, all.length, seconds, percentile(all, 0.50), percentile(all, 0.99));
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
