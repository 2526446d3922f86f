package yardstick.platform.audit;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The inspection a resource belongs to, for the audit log. By default the one its name begins
 * with ({@code inspections/{id}/...}); a service whose resources are named otherwise (reports,
 * publications, plans) replaces this bean with one that looks them up in its own tables.
 */
public interface InspectionOfResource {

    Pattern INSPECTION_PREFIX = Pattern.compile("^(inspections/[^/@]+)");

    Optional<String> inspectionOf(String resourceName);

    /** The {@code inspections/{id}} a resource name begins with, if it does. */
    static Optional<String> named(String resourceName) {
        Matcher matcher = INSPECTION_PREFIX.matcher(resourceName);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
