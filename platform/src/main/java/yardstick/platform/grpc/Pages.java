package yardstick.platform.grpc;

import java.util.List;
import yardstick.platform.app.Bounds;
import yardstick.platform.app.PageTokens;
import yardstick.platform.app.Refused;

/**
 * Pages of a list held in memory, for List methods (AIP-158): {@code page_size} 0 means the
 * default, more than the maximum is reduced to it, and {@code page_token} is opaque to callers
 * ({@link PageTokens}).
 */
public final class Pages {

    private Pages() {
    }

    public record Page<T>(List<T> items, String nextPageToken) {
    }

    public static <T> Page<T> page(List<T> all, int pageSize, String pageToken, int defaultSize, int maxSize) {
        try {
            int size = Bounds.pageSize(pageSize, defaultSize, maxSize);
            long offset = PageTokens.offset(pageToken);
            if (offset > all.size()) {
                throw new Refused.BadRequest("page_token", "is past the end of the list; start again without a token");
            }
            int start = (int) offset;
            int end = (int) Math.min(all.size(), (long) start + size);
            String next = end < all.size() ? PageTokens.ofOffset(end) : "";
            return new Page<>(all.subList(start, end), next);
        } catch (Refused refused) {
            throw Refusals.status(refused);
        }
    }
}
