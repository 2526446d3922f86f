package yardstick.platform.app;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Page tokens (AIP-158), opaque to callers: each says where the next page starts, either as how
 * many items come before it or as the key of the last item served. A token this service did not
 * issue is refused as a bad request naming page_token, never passed to a query.
 */
public final class PageTokens {

    private static final String OFFSET = "offset:";
    private static final String AFTER = "after:";
    /** Longer than any token issued here. */
    private static final int LONGEST = 200;

    private PageTokens() {
    }

    /** The token of the page that starts after {@code offset} items. */
    public static String ofOffset(long offset) {
        return encode(OFFSET + offset);
    }

    /** How many items come before the page {@code token} asks for: 0 without a token. */
    public static long offset(String token) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        String decoded = decode(token, OFFSET);
        try {
            long offset = Long.parseLong(decoded);
            if (offset >= 0) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw notIssued();
    }

    /** {@link #offset} for lists held in an int. */
    public static int intOffset(String token) {
        long offset = offset(token);
        if (offset > Integer.MAX_VALUE) {
            throw notIssued();
        }
        return (int) offset;
    }

    /** The token of the page that starts after the item whose key is {@code key}. */
    public static String after(String key) {
        return encode(AFTER + key);
    }

    /** The key of the last item before the page {@code token} asks for; empty without a token. */
    public static String afterKey(String token) {
        if (token == null || token.isEmpty()) {
            return "";
        }
        String key = decode(token, AFTER);
        if (key.isEmpty()) {
            throw notIssued();
        }
        return key;
    }

    /** The refusal of a token this method did not issue. */
    public static Refused.BadRequest notIssued() {
        return new Refused.BadRequest("page_token", "was not issued by this method; use a next_page_token from an earlier answer,"
                + " or none for the first page");
    }

    private static String encode(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token, String prefix) {
        if (token.length() > LONGEST) {
            throw notIssued();
        }
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw notIssued();
        }
        if (!decoded.startsWith(prefix)) {
            throw notIssued();
        }
        return decoded.substring(prefix.length());
    }
}
