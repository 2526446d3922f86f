package yardstick.cases.app;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import yardstick.cases.domain.Inspection;
import yardstick.cases.store.InspectionStore;
import yardstick.platform.app.Refused;
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
        if (command.pageSize() < 0) {
            throw new Refused.BadRequest("page_size", "must not be negative; 0 asks for the default of " + DEFAULT_PAGE_SIZE);
        }
        int size = command.pageSize() == 0 ? DEFAULT_PAGE_SIZE : Math.min(command.pageSize(), MAX_PAGE_SIZE);
        Optional<Inspection> after = command.pageToken().isEmpty() ? Optional.empty() : Optional.of(fromToken(command.pageToken()));
        List<Inspection> page = store.page(after, size + 1);
        return new Page(page.stream().limit(size).toList(), page.size() > size ? token(page.get(size - 1)) : "");
    }

    private static String token(Inspection last) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("after:" + last.id()).getBytes(StandardCharsets.UTF_8));
    }

    private Inspection fromToken(String token) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (decoded.startsWith("after:")) {
                Optional<Inspection> last = store.find(UUID.fromString(decoded.substring("after:".length())));
                if (last.isPresent()) {
                    return last.get();
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal below
        }
        throw new Refused.BadRequest("page_token", "was not issued by this method; use a next_page_token from an earlier answer");
    }
}
