package yardstick.cases.app;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import yardstick.cases.domain.InspectedService;
import yardstick.cases.store.InspectedServiceStore;
import yardstick.platform.app.Refused;
import yardstick.platform.identity.Caller;

/** One registered service, a page of the register by code, or what services are called now. */
@Singleton
public class ReadingServiceRegister {

    private static final int DEFAULT_PAGE_SIZE = 50;
    private static final int MAX_PAGE_SIZE = 200;
    private static final String AFTER = "after:";

    /** The services of one page, and the token of the next page, empty on the last. */
    public record Page(List<InspectedService> services, String nextPageToken) {
    }

    private final InspectedServiceStore store;

    ReadingServiceRegister(InspectedServiceStore store) {
        this.store = store;
    }

    @Transactional(readOnly = true)
    public InspectedService service(Caller caller, String name) {
        String code = InspectedService.codeOf(name).orElseThrow(() ->
                new Refused.BadRequest("name", "must be inspectedServices/{code}, for example inspectedServices/kent"));
        return store.find(code).orElseThrow(() -> new Refused.NotFound(name));
    }

    @Transactional(readOnly = true)
    public Page page(Caller caller, int pageSize, String pageToken) {
        if (pageSize < 0) {
            throw new Refused.BadRequest("page_size", "must not be negative; 0 asks for the default of " + DEFAULT_PAGE_SIZE);
        }
        int size = pageSize == 0 ? DEFAULT_PAGE_SIZE : Math.min(pageSize, MAX_PAGE_SIZE);
        List<InspectedService> page = store.page(afterCode(pageToken), size + 1);
        String next = page.size() > size ? Base64.getUrlEncoder().withoutPadding()
                .encodeToString((AFTER + page.get(size - 1).code()).getBytes(StandardCharsets.UTF_8)) : "";
        return new Page(page.stream().limit(size).toList(), next);
    }

    /** What each named service ("inspectedServices/{code}") is called now; one not registered is left out. */
    @Transactional(readOnly = true)
    public Map<String, String> displayNames(Collection<String> names) {
        List<String> codes = names.stream().map(InspectedService::codeOf).flatMap(java.util.Optional::stream).distinct().toList();
        return store.displayNames(codes).entrySet().stream()
                .collect(Collectors.toMap(e -> InspectedService.NAME_PREFIX + e.getKey(), Map.Entry::getValue));
    }

    private static String afterCode(String pageToken) {
        if (pageToken.isEmpty()) {
            return "";
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(pageToken), StandardCharsets.UTF_8);
            if (decoded.startsWith(AFTER) && InspectedService.codeOf(InspectedService.NAME_PREFIX + decoded.substring(AFTER.length())).isPresent()) {
                return decoded.substring(AFTER.length());
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal below
        }
        throw new Refused.BadRequest("page_token", "was not issued by this method; use a next_page_token from an earlier answer");
    }
}
