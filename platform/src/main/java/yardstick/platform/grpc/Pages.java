package yardstick.platform.grpc;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Pages of a list held in memory, for List methods (AIP-158): {@code page_size} 0 means the
 * default, more than the maximum is reduced to it, and {@code page_token} is opaque to callers.
 */
public final class Pages {

    private static final String PREFIX = "offset:";

    private Pages() {
    }

    public record Page<T>(List<T> items, String nextPageToken) {
    }

    public static <T> Page<T> page(List<T> all, int pageSize, String pageToken, int defaultSize, int maxSize) {
        if (pageSize < 0) {
            throw Errors.invalidArgument("page_size", "must not be negative; 0 asks for the default of " + defaultSize);
        }
        int size = pageSize == 0 ? defaultSize : Math.min(pageSize, maxSize);
        int offset = offset(pageToken);
        if (offset > all.size()) {
            throw Errors.invalidArgument("page_token", "is past the end of the list; start again without a token");
        }
        int end = Math.min(all.size(), offset + size);
        String next = end < all.size() ? token(end) : "";
        return new Page<>(all.subList(offset, end), next);
    }

    private static int offset(String pageToken) {
        if (pageToken == null || pageToken.isEmpty()) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(pageToken), StandardCharsets.UTF_8);
            if (!decoded.startsWith(PREFIX)) {
                throw new IllegalArgumentException();
            }
            return Integer.parseInt(decoded.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw Errors.invalidArgument("page_token", "was not issued by this method; use a next_page_token from an earlier answer");
        }
    }

    private static String token(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }
}
