package yardstick.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Case references as the audit log keeps them: a keyed pseudonym, HMAC-SHA256 of the reference
 * under the service's pseudonym key, written {@code ~} and 64 hex digits. Without the key nobody
 * can tell which case an entry is about; with it, an auditor finds who touched a given case by
 * computing its pseudonym and searching for it.
 */
public final class CasePseudonyms {

    /** The segment after {@code cases/} in a resource name, up to the next {@code /} or {@code @}. */
    private static final Pattern CASE_SEGMENT = Pattern.compile("(^|/)cases/([^/@]+)");
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public CasePseudonyms(String key) {
        if (key == null || key.length() < 32) {
            throw new IllegalArgumentException("the audit pseudonym key must be at least 32 characters");
        }
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The pseudonym of one case reference. */
    public String of(String reference) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return "~" + HexFormat.of().formatHex(mac.doFinal(reference.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code resourceName} with the case reference it names, if any, replaced by its pseudonym. */
    public String inResourceName(String resourceName) {
        Matcher matcher = CASE_SEGMENT.matcher(resourceName);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(result, Matcher.quoteReplacement(matcher.group(1) + "cases/" + of(matcher.group(2))));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
