package yardstick.identity;

import java.util.List;
import java.util.Optional;

/**
 * A person or system known to the local identity provider: a pseudonymous subject (never a
 * name), the roles the provider puts in its token, and for an inspected service's people the
 * youth justice service they speak for.
 */
public record LocalUser(String subject, List<String> roles, Optional<String> inspectedService) {

    public LocalUser {
        roles = List.copyOf(roles);
    }

    static LocalUser of(String subject, String role) {
        return new LocalUser(subject, List.of(role), Optional.empty());
    }
}
