package yardstick.platform.telemetry;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.Context;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The identifier that follows one request across the services: the caller's {@code x-request-id}
 * when it gives a sensible one, else one made here; put in the call's context and in every log line
 * written while serving it (MDC {@value #LOG_FIELD}), and sent on to every neighbour the call asks.
 */
public final class RequestIds {

    public static final Metadata.Key<String> HEADER = Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);
    public static final Context.Key<String> KEY = Context.key("yardstick.request-id");
    /** The field of the log lines (the MDC key) that holds it. */
    public static final String LOG_FIELD = "request_id";

    // Letters, digits and a little punctuation, short: it goes into logs, so nothing a caller could forge a line with.
    private static final Pattern SENSIBLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    /** The caller's identifier when it is sensible, else a new one. */
    static String acceptOrMake(String offered) {
        return offered != null && SENSIBLE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    /** Sends the current call's identifier (if this thread serves one) with every call made through it. */
    public static ClientInterceptor forwarding() {
        return new ClientInterceptor() {
            @Override
            public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
                String id = KEY.get();
                return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
                    @Override
                    public void start(Listener<A> listener, Metadata headers) {
                        if (id != null) {
                            headers.put(HEADER, id);
                        }
                        super.start(listener, headers);
                    }
                };
            }
        };
    }
}
