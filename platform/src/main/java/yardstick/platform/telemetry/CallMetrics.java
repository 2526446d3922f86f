package yardstick.platform.telemetry;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.grpc.MetricCollectingServerInterceptor;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;

/**
 * Every gRPC call counted and timed by service, method and status code, with latency histograms
 * ({@code grpc_server_processing_duration_seconds_bucket}): Micrometer's own interceptor, placed outside the
 * identity check so that refused calls are counted with their status too. Its tags are the method's
 * names and the status code, never anything of the request.
 */
@Singleton
class CallMetrics implements ServerInterceptor, Ordered {

    private final MetricCollectingServerInterceptor metrics;

    CallMetrics(MeterRegistry registry) {
        this.metrics = new MetricCollectingServerInterceptor(registry, counter -> counter,
                timer -> timer.publishPercentileHistogram());
    }

    @Override
    public int getOrder() {
        // Inside the request identifier (its log lines carry it), outside the identity check.
        return Ordered.HIGHEST_PRECEDENCE + 50;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        return metrics.interceptCall(call, headers, next);
    }
}
