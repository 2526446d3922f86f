package yardstick.platform.identity;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import yardstick.platform.audit.AuditTrail;

/**
 * The first thing every gRPC call meets: its bearer token is verified and the method's rule
 * checked, and only then is the call served, with its {@link Caller} in the call's context.
 * Health and reflection are public. No token, or a bad one, is UNAUTHENTICATED; a good token
 * without the permission is PERMISSION_DENIED naming the permission, and nothing about the resource.
 * Every call that is not public is recorded in the {@link AuditTrail} when it closes, refused
 * ones included: this is where it is known who called, and whether they were let in.
 */
@Singleton
public class IdentityInterceptor implements ServerInterceptor, Ordered {

    public static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    /** RFC 6750's challenge, sent with every UNAUTHENTICATED answer. */
    public static final Metadata.Key<String> WWW_AUTHENTICATE = Metadata.Key.of("www-authenticate", Metadata.ASCII_STRING_MARSHALLER);

    private final TokenVerifier verifier;
    private final AccessRules rules;
    private final AuditTrail audit;

    IdentityInterceptor(TokenVerifier verifier, AccessRules rules, AuditTrail audit) {
        this.verifier = verifier;
        this.rules = rules;
        this.audit = audit;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        String method = call.getMethodDescriptor().getFullMethodName();
        if (AccessRules.isPublic(call.getMethodDescriptor().getServiceName())) {
            return next.startCall(call, headers);
        }
        AuditedCall<Q, R> audited = new AuditedCall<>(call, audit);
        String authorization = headers.get(AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return refuse(audited, unauthenticated("a bearer token is needed", "invalid_request"));
        }
        Caller caller;
        try {
            caller = verifier.verify(authorization.substring(7).trim());
        } catch (TokenVerifier.InvalidToken e) {
            return refuse(audited, unauthenticated(e.getMessage(), "invalid_token"));
        }
        audited.by(caller);
        AccessRules.Rule rule = rules.ruleFor(method).orElse(null);
        if (rule == null) {
            return refuse(audited, new Refusal(Status.PERMISSION_DENIED.withDescription("no role may call " + method), new Metadata()));
        }
        if (!caller.holdsAny(rule.roles())) {
            return refuse(audited, new Refusal(Status.PERMISSION_DENIED.withDescription(
                    "this needs the permission " + rule.describe()), new Metadata()));
        }
        Context context = Context.current().withValue(Caller.KEY, caller);
        return audited.served(Contexts.interceptCall(context, audited, headers, next));
    }

    private record Refusal(Status status, Metadata trailers) {
    }

    private static Refusal unauthenticated(String why, String error) {
        Metadata trailers = new Metadata();
        trailers.put(WWW_AUTHENTICATE, "Bearer realm=\"yardstick\", error=\"" + error + "\"");
        return new Refusal(Status.UNAUTHENTICATED.withDescription(why), trailers);
    }

    private static <Q, R> ServerCall.Listener<Q> refuse(AuditedCall<Q, R> call, Refusal refusal) {
        return call.refused(refusal.status(), refusal.trailers());
    }
}
