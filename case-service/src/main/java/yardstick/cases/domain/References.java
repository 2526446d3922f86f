package yardstick.cases.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Pseudonymous references: cases are about children, so no name may enter the suite. A reference
 * is one token of letters, digits and {@code . _ : / -}; anything with a space, or shaped like
 * capitalised words ("Jane Smith", "Jane_Smith", "Smith-Jones, Jane"), is refused as a possible name.
 */
public final class References {

    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}");
    private static final Pattern CAPITALISED_WORDS = Pattern.compile("[A-Z][a-z']+([ _.,-]+[A-Z][a-z']+)+");

    private References() {
    }

    /** Why the value cannot be a pseudonymous reference, or empty when it can. */
    public static Optional<String> problem(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("is required: a pseudonymous reference such as YJS-00042");
        }
        if (CAPITALISED_WORDS.matcher(value.trim()).matches()) {
            return Optional.of("looks like a person's name; use a pseudonymous reference such as YJS-00042 (no names enter the suite)");
        }
        if (!REFERENCE.matcher(value).matches()) {
            return Optional.of("must be one token of letters, digits and . _ : / - (at most 64), such as YJS-00042;"
                    + " spaces are refused because names are");
        }
        return Optional.empty();
    }
}
