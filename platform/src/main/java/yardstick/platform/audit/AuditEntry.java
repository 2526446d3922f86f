package yardstick.platform.audit;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the audit log, as stored: the resource already pseudonymised, the outcome a gRPC
 * status code's name, the reason only for refusals at the door.
 */
public record AuditEntry(long sequence, Instant time, String subject, List<String> roles, String method, String resource,
                         String inspection, String outcome, String reason) {

    public AuditEntry {
        roles = List.copyOf(roles);
    }
}
