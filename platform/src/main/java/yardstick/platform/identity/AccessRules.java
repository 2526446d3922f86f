package yardstick.platform.identity;

import io.grpc.MethodDescriptor;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may call each of a service's gRPC methods: a named permission per method and the roles that
 * hold it. A method without a rule is refused to everyone; only the health and reflection
 * services are public.
 */
public final class AccessRules {

    private static final Set<String> PUBLIC_SERVICES = Set.of(
            "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection");

    /** A permission, for example {@code judgements.write}, and the roles that hold it. */
    public record Rule(String permission, Set<Role> roles) {
        public Rule {
            roles = Collections.unmodifiableSet(EnumSet.copyOf(roles));
        }

        public String describe() {
            return "'" + permission + "' (held by " + roles.stream().map(Role::claim).collect(Collectors.joining(", ")) + ")";
        }
    }

    private final Map<String, Rule> byMethod;

    private AccessRules(Map<String, Rule> byMethod) {
        this.byMethod = Map.copyOf(byMethod);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static boolean isPublic(String serviceName) {
        return PUBLIC_SERVICES.contains(serviceName);
    }

    public Optional<Rule> ruleFor(String fullMethodName) {
        return Optional.ofNullable(byMethod.get(fullMethodName));
    }

    /** Every rule, by full method name. */
    public Map<String, Rule> rules() {
        return byMethod;
    }

    public static final class Builder {
        private final Map<String, Rule> byMethod = new LinkedHashMap<>();

        public Builder allow(MethodDescriptor<?, ?> method, String permission, Role first, Role... more) {
            String name = method.getFullMethodName();
            if (byMethod.containsKey(name)) {
                throw new IllegalStateException("two rules for " + name);
            }
            byMethod.put(name, new Rule(permission, EnumSet.of(first, more)));
            return this;
        }

        public AccessRules build() {
            return new AccessRules(byMethod);
        }
    }
}
