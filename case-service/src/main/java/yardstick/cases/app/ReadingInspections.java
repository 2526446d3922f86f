package yardstick.cases.app;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import yardstick.cases.domain.Inspection;
import yardstick.cases.store.InspectionStore;
import yardstick.platform.app.Bounds;
import yardstick.platform.app.PageTokens;
import yardstick.platform.identity.Caller;

/** One inspection, or a page of them, oldest first. */
@Singleton
public class ReadingInspections {

    private static final int DEFAULT_PAGE_SIZE = 50;
    private static final int MAX_PAGE_SIZE = 200;

    /** A page of {@code pageSize} inspections (0 for the default) after the one {@code pageToken} names, or from the start. */
    public record ListInspections(int pageSize, String pageToken) {
    }

    /** The inspections of one page, and the token of the next page, empty on the last. */
    public record Page(List<Inspection> inspections, String nextPageToken) {
    }

    private final InspectionStore store;
    private final InspectionAccess access;

    ReadingInspections(InspectionStore store, InspectionAccess access) {
        this.store = store;
        this.access = access;
    }

    @Transactional(readOnly = true)
    public Inspection inspection(Caller caller, InspectionName name) {
        return access.existing(name);
    }

    @Transactional(readOnly = true)
    public Page page(Caller caller, ListInspections command) {
        int size = Bounds.pageSize(command.pageSize(), DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        Optional<Inspection> after = command.pageToken().isEmpty() ? Optional.empty() : Optional.of(fromToken(command.pageToken()));
        List<Inspection> page = store.page(after, size + 1);
        return new Page(page.stream().limit(size).toList(), page.size() > size ? token(page.get(size - 1)) : "");
    }

    private static String token(Inspection last) {
        return PageTokens.after(last.id().toString());
    }

    private Inspection fromToken(String token) {
        try {
            Optional<Inspection> last = store.find(UUID.fromString(PageTokens.afterKey(token)));
            if (last.isPresent()) {
                return last.get();
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal below
        }
        throw PageTokens.notIssued();
    }
}
