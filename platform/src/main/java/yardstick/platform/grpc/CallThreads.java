package yardstick.platform.grpc;

import io.grpc.ServerBuilder;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads a service's gRPC calls run on: a fixed number, {@code yardstick.limits.call-threads}
 * (32: three times the database pool, with room for calls that wait on neither), in place of
 * Micronaut's IO pool, which starts a thread for every call that finds none free. Under more calls
 * than the cores can answer, that pool grew to hundreds of threads (366 in rating-service at 1,000
 * calls/s on two cores), all runnable at once, and the service stalled for seconds at a time. With
 * a fixed number, the calls beyond it wait their turn in a queue, and gRPC drops one whose deadline
 * passes there before it starts: nobody waits for its answer any more.
 */
@Singleton
class CallThreads implements BeanCreatedEventListener<ServerBuilder<?>> {

    private final ExecutorService threads;

    CallThreads(@Value("${yardstick.limits.call-threads:32}") int count) {
        AtomicInteger made = new AtomicInteger();
        ThreadFactory factory = work -> {
            Thread thread = new Thread(work, "grpc-call-" + made.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.threads = Executors.newFixedThreadPool(count, factory);
    }

    @Override
    public ServerBuilder<?> onCreated(BeanCreatedEvent<ServerBuilder<?>> event) {
        return onto(event.getBean());
    }

    ServerBuilder<?> onto(ServerBuilder<?> server) {
        return server.executor(threads);
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }
}
