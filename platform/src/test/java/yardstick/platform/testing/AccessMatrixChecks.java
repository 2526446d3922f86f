package yardstick.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.BindableService;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import yardstick.platform.identity.AccessRules;
import yardstick.platform.identity.IdentityInterceptor;
import yardstick.platform.identity.Role;

/**
 * Walks every gRPC method the service serves, read from its own service descriptors (so a method
 * added without a rule fails here), against every role and no token, and prints the matrix it
 * checked. A role the rule names gets past the door (its empty request then answers whatever the
 * method answers it, never UNAUTHENTICATED or PERMISSION_DENIED); any other role is
 * PERMISSION_DENIED naming the permission; no token, or a token that is not one, is
 * UNAUTHENTICATED with a Bearer challenge. Extend it in each service's tests.
 */
public abstract class AccessMatrixChecks extends GrpcServiceTest {

    private final Map<Role, Channel> asRole = new EnumMap<>(Role.class);

    private Channel as(Role role) {
        return asRole.computeIfAbsent(role, r -> signedIn(TestIdentity.token("matrix-" + r.claim(), r)));
    }

    @Test
    void everyMethodHasARuleAndAnswersEachRoleAsTheRuleSays() throws Exception {
        AccessRules rules = context.getBean(AccessRules.class);
        Map<String, String> matrix = new TreeMap<>();
        List<String> unruled = new ArrayList<>();
        for (BindableService service : context.getBeansOfType(BindableService.class)) {
            String serviceName = service.bindService().getServiceDescriptor().getName();
            if (AccessRules.isPublic(serviceName)) {
                continue;
            }
            for (ServerMethodDefinition<?, ?> definition : service.bindService().getMethods()) {
                MethodDescriptor<?, ?> method = definition.getMethodDescriptor();
                AccessRules.Rule rule = rules.ruleFor(method.getFullMethodName()).orElse(null);
                if (rule == null) {
                    unruled.add(method.getFullMethodName());
                    continue;
                }
                StringBuilder row = new StringBuilder();
                Status unsigned = call(anonymous, method);
                assertEquals(Status.Code.UNAUTHENTICATED, unsigned.getCode(), method.getFullMethodName() + " without a token");
                row.append(String.format("%-6s", "-"));
                for (Role role : Role.values()) {
                    Status status = call(as(role), method);
                    if (rule.roles().contains(role)) {
                        assertNotEquals(Status.Code.PERMISSION_DENIED, status.getCode(), method.getFullMethodName() + " as " + role.claim()
                                + ": " + status);
                        assertNotEquals(Status.Code.UNAUTHENTICATED, status.getCode(), method.getFullMethodName() + " as " + role.claim());
                        row.append(String.format(" %-5s", "yes"));
                    } else {
                        assertEquals(Status.Code.PERMISSION_DENIED, status.getCode(), method.getFullMethodName() + " as " + role.claim());
                        assertTrue(status.getDescription().contains("'" + rule.permission() + "'"),
                                "the refusal names the permission: " + status.getDescription());
                        row.append(String.format(" %-5s", "no"));
                    }
                }
                matrix.put(method.getFullMethodName() + " [" + rule.permission() + "]", row.toString());
            }
        }
        assertEquals(List.of(), unruled, "methods without an access rule");
        assertFalse(matrix.isEmpty());
        StringBuilder printed = new StringBuilder("\nAccess matrix checked (- is no token):\n");
        StringBuilder header = new StringBuilder(String.format("%-6s", "none"));
        for (Role role : Role.values()) {
            header.append(String.format(" %-5s", role.claim().length() > 5 ? role.claim().substring(0, 5) : role.claim()));
        }
        printed.append(String.format("%-90s %s%n", "method [permission]", header));
        matrix.forEach((method, row) -> printed.append(String.format("%-90s %s%n", method, row)));
        System.out.println(printed);
    }

    @Test
    void aTokenThatIsNotOneIsUnauthenticatedWithABearerChallenge() throws Exception {
        AccessRules rules = context.getBean(AccessRules.class);
        String anyMethod = rules.rules().keySet().iterator().next();
        MethodDescriptor<?, ?> method = context.getBeansOfType(BindableService.class).stream()
                .flatMap(s -> s.bindService().getMethods().stream())
                .map(ServerMethodDefinition::getMethodDescriptor)
                .filter(m -> m.getFullMethodName().equals(anyMethod))
                .findFirst().orElseThrow();
        CallResult result = callWithTrailers(signedIn("not.a.token"), method);
        assertEquals(Status.Code.UNAUTHENTICATED, result.status().getCode());
        assertTrue(result.trailers().get(IdentityInterceptor.WWW_AUTHENTICATE).startsWith("Bearer"),
                "RFC 6750's challenge: " + result.trailers());
    }

    private record CallResult(Status status, Metadata trailers) {
    }

    private static Status call(Channel channel, MethodDescriptor<?, ?> method) throws Exception {
        return callWithTrailers(channel, method).status();
    }

    /** Sends the method's empty request (its default instance) and waits for the status the call closes with. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static CallResult callWithTrailers(Channel channel, MethodDescriptor<?, ?> method) throws Exception {
        MethodDescriptor.Marshaller<?> marshaller = method.getRequestMarshaller();
        Object empty = ((MethodDescriptor.PrototypeMarshaller<?>) marshaller).getMessagePrototype();
        ClientCall call = channel.newCall(method, CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS));
        CompletableFuture<CallResult> closed = new CompletableFuture<>();
        call.start(new ClientCall.Listener() {
            @Override
            public void onClose(Status status, Metadata trailers) {
                closed.complete(new CallResult(status, trailers));
            }
        }, new Metadata());
        call.request(Integer.MAX_VALUE);
        call.sendMessage(empty);
        call.halfClose();
        return closed.get(60, TimeUnit.SECONDS);
    }
}
