package yardstick.platform.identity;

import io.grpc.Context;
import io.grpc.Status;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, from a verified token: the subject (a pseudonymous identifier from the identity
 * provider, never typed by the caller), the roles it holds and, for an inspected service's people,
 * the youth justice service they speak for.
 */
public record Caller(String subject, Set<Role> roles, Optional<String> inspectedService) {

    static final Context.Key<Caller> KEY = Context.key("yardstick.caller");

    public Caller {
        roles = Set.copyOf(roles);
    }

    /** The caller of the gRPC call being served; the interceptor has put it there. */
    public static Caller current() {
        Caller caller = KEY.get();
        if (caller == null) {
            throw Status.UNAUTHENTICATED.withDescription("no verified caller").asRuntimeException();
        }
        return caller;
    }

    public boolean holds(Role role) {
        return roles.contains(role);
    }

    public boolean holdsAny(Set<Role> wanted) {
        return roles.stream().anyMatch(wanted::contains);
    }

    /** A service's own identity, calling as a neighbour. */
    public boolean isService() {
        return roles.stream().anyMatch(Role::isService);
    }
}
