package yardstick.platform.audit;

import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import yardstick.audit.v1.AuditEvent;
import yardstick.audit.v1.AuditServiceGrpc;
import yardstick.audit.v1.ListAuditEventsRequest;
import yardstick.audit.v1.ListAuditEventsResponse;
import yardstick.platform.grpc.Errors;
import yardstick.platform.grpc.Times;

/**
 * Every service's AuditService: its own audit log, an inspection at a time. Who may read it is
 * each service's access rule ({@code audit.read}).
 */
@Singleton
class AuditEndpoint extends AuditServiceGrpc.AuditServiceImplBase {

    private static final Pattern INSPECTION = Pattern.compile("inspections/[^/@]+");
    private static final int DEFAULT_PAGE = 100;
    private static final int LARGEST_PAGE = 1000;
    private static final String TOKEN_PREFIX = "after:";

    private final AuditTrail trail;

    AuditEndpoint(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public void listAuditEvents(ListAuditEventsRequest request, StreamObserver<ListAuditEventsResponse> response) {
        if (!INSPECTION.matcher(request.getInspection()).matches()) {
            throw Errors.invalidArgument("inspection", "must be an inspection's name, \"inspections/{inspection}\"");
        }
        if (request.getPageSize() < 0) {
            throw Errors.invalidArgument("page_size", "must not be negative; 0 asks for the default of " + DEFAULT_PAGE);
        }
        int size = request.getPageSize() == 0 ? DEFAULT_PAGE : Math.min(request.getPageSize(), LARGEST_PAGE);
        // One more than the page, to know whether another follows.
        List<AuditEntry> entries = trail.ofInspection(request.getInspection(), after(request.getPageToken()), size + 1);
        ListAuditEventsResponse.Builder answer = ListAuditEventsResponse.newBuilder();
        entries.stream().limit(size).forEach(e -> answer.addAuditEvents(event(e)));
        if (entries.size() > size) {
            answer.setNextPageToken(token(entries.get(size - 1).sequence()));
        }
        response.onNext(answer.build());
        response.onCompleted();
    }

    private static AuditEvent event(AuditEntry entry) {
        return AuditEvent.newBuilder()
                .setTime(Times.timestamp(entry.time()))
                .setSubject(entry.subject())
                .addAllRoles(entry.roles())
                .setMethod(entry.method())
                .setResource(entry.resource())
                .setOutcome(entry.outcome())
                .setReason(entry.reason())
                .setInspection(entry.inspection())
                .build();
    }

    private static long after(String pageToken) {
        if (pageToken.isEmpty()) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(pageToken), StandardCharsets.UTF_8);
            if (!decoded.startsWith(TOKEN_PREFIX)) {
                throw new IllegalArgumentException();
            }
            return Long.parseLong(decoded.substring(TOKEN_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw Errors.invalidArgument("page_token", "was not issued by this method; use a next_page_token from an earlier answer");
        }
    }

    private static String token(long sequence) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((TOKEN_PREFIX + sequence).getBytes(StandardCharsets.UTF_8));
    }
}
