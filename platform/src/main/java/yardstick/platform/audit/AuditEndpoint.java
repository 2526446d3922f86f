package yardstick.platform.audit;

import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.regex.Pattern;
import yardstick.audit.v1.AuditEvent;
import yardstick.audit.v1.AuditServiceGrpc;
import yardstick.audit.v1.ListAuditEventsRequest;
import yardstick.audit.v1.ListAuditEventsResponse;
import yardstick.platform.app.Bounds;
import yardstick.platform.app.PageTokens;
import yardstick.platform.app.Refused;
import yardstick.platform.grpc.Errors;
import yardstick.platform.grpc.Refusals;
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

    private final AuditTrail trail;

    AuditEndpoint(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public void listAuditEvents(ListAuditEventsRequest request, StreamObserver<ListAuditEventsResponse> response) {
        if (!INSPECTION.matcher(request.getInspection()).matches()) {
            throw Errors.invalidArgument("inspection", "must be an inspection's name, \"inspections/{inspection}\"");
        }
        int size;
        long after;
        try {
            size = Bounds.pageSize(request.getPageSize(), DEFAULT_PAGE, LARGEST_PAGE);
            after = after(request.getPageToken());
        } catch (Refused refused) {
            throw Refusals.status(refused);
        }
        // One more than the page, to know whether another follows.
        List<AuditEntry> entries = trail.ofInspection(request.getInspection(), after, size + 1);
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
            return Long.parseLong(PageTokens.afterKey(pageToken));
        } catch (NumberFormatException e) {
            throw PageTokens.notIssued();
        }
    }

    private static String token(long sequence) {
        return PageTokens.after(String.valueOf(sequence));
    }
}
