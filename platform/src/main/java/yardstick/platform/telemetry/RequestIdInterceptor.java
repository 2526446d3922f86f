package yardstick.platform.telemetry;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import yardstick.platform.identity.AccessRules;

/**
 * The outermost interceptor: gives every call its {@link RequestIds request identifier} before anything
 * else runs (the identity check's own log lines carry it too), answers it in the response headers, and logs
 * one line when the call closes: the method, its status code and how long it took. Never the status's
 * description, nor anything of the request: those may hold case values.
 */
@Singleton
class RequestIdInterceptor implements ServerInterceptor, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger("yardstick.calls");

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        String id = RequestIds.acceptOrMake(headers.get(RequestIds.HEADER));
        boolean logged = !AccessRules.isPublic(call.getMethodDescriptor().getServiceName());
        long started = System.nanoTime();
        ServerCall<Q, R> answering = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            @Override
            public void sendHeaders(Metadata responseHeaders) {
                responseHeaders.put(RequestIds.HEADER, id);
                super.sendHeaders(responseHeaders);
            }

            @Override
            public void close(Status status, Metadata trailers) {
                if (logged) {
                    withId(id, () -> LOG.info("{} {} {} ms", call.getMethodDescriptor().getFullMethodName(), status.getCode(),
                            (System.nanoTime() - started) / 1_000_000));
                }
                super.close(status, trailers);
            }
        };
        Context context = Context.current().withValue(RequestIds.KEY, id);
        ServerCall.Listener<Q> listener = answerWithId(id, () -> Contexts.interceptCall(context, answering, headers, next));
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
            @Override
            public void onMessage(Q message) {
                withId(id, () -> super.onMessage(message));
            }

            @Override
            public void onHalfClose() {
                withId(id, super::onHalfClose);
            }

            @Override
            public void onCancel() {
                withId(id, super::onCancel);
            }

            @Override
            public void onComplete() {
                withId(id, super::onComplete);
            }

            @Override
            public void onReady() {
                withId(id, super::onReady);
            }
        };
    }

    private static void withId(String id, Runnable work) {
        answerWithId(id, () -> {
            work.run();
            return null;
        });
    }

    private static <T> T answerWithId(String id, java.util.function.Supplier<T> work) {
        String outer = MDC.get(RequestIds.LOG_FIELD);
        MDC.put(RequestIds.LOG_FIELD, id);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                MDC.remove(RequestIds.LOG_FIELD);
            } else {
                MDC.put(RequestIds.LOG_FIELD, outer);
            }
        }
    }
}
