package yardstick.cases.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A youth justice service in the inspectorate's register: a stable code (the last part of its
 * name, never changed), what it is called now and was called before, the local authorities it
 * covers and its region. Its inspections name it by its code, so a rename keeps them its own.
 */
public record InspectedService(String code, String displayName, List<String> localAuthorities, String region,
                               List<FormerName> formerNames, long version, Instant createTime, Instant updateTime) {

    public static final String NAME_PREFIX = "inspectedServices/";
    public static final int MAXIMUM_NAME = 200;
    public static final int MAXIMUM_LOCAL_AUTHORITIES = 20;
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{0,62}");

    public InspectedService {
        localAuthorities = List.copyOf(localAuthorities);
        formerNames = List.copyOf(formerNames);
    }

    /** A name the service had until {@code until}. */
    public record FormerName(String displayName, Instant until) {
    }

    public String name() {
        return NAME_PREFIX + code;
    }

    public String etag() {
        return "\"" + version + "\"";
    }

    /** The same service under {@code newName}, its present name kept as a former one (most recent first). */
    public InspectedService renamed(String newName, Instant now) {
        List<FormerName> former = new ArrayList<>();
        former.add(new FormerName(displayName, now));
        former.addAll(formerNames);
        return new InspectedService(code, newName, localAuthorities, region, former, version + 1, createTime, now);
    }

    /** The code a resource name gives, if it is a well-formed {@code inspectedServices/{code}}. */
    public static java.util.Optional<String> codeOf(String name) {
        if (name == null || !name.startsWith(NAME_PREFIX)) {
            return java.util.Optional.empty();
        }
        String code = name.substring(NAME_PREFIX.length());
        return CODE.matcher(code).matches() ? java.util.Optional.of(code) : java.util.Optional.empty();
    }

    /** What the administrator gives when registering a service. */
    public record Registration(String code, String displayName, List<String> localAuthorities, String region) {

        public Registration {
            localAuthorities = List.copyOf(localAuthorities);
        }

        /** Every problem, each named by its field as the contract names it. */
        public List<FieldProblem> problems() {
            List<FieldProblem> problems = new ArrayList<>();
            if (code == null || !CODE.matcher(code).matches()) {
                problems.add(new FieldProblem("inspected_service_id", "is required: lower-case letters, digits and hyphens, "
                        + "starting with a letter, at most 63 characters, for example \"kent\""));
            }
            displayNameProblem(displayName).ifPresent(p -> problems.add(new FieldProblem("inspected_service.display_name", p)));
            if (localAuthorities.isEmpty()) {
                problems.add(new FieldProblem("inspected_service.local_authorities", "is required: at least one local authority the service covers"));
            } else if (localAuthorities.size() > MAXIMUM_LOCAL_AUTHORITIES) {
                problems.add(new FieldProblem("inspected_service.local_authorities", "must have at most " + MAXIMUM_LOCAL_AUTHORITIES));
            }
            for (int i = 0; i < localAuthorities.size(); i++) {
                String authority = localAuthorities.get(i);
                String field = "inspected_service.local_authorities[" + i + "]";
                if (authority.isBlank() || authority.length() > MAXIMUM_NAME) {
                    problems.add(new FieldProblem(field, "must be a name of 1 to " + MAXIMUM_NAME + " characters"));
                } else if (localAuthorities.indexOf(authority) < i) {
                    problems.add(new FieldProblem(field, "names " + authority + " twice"));
                }
            }
            if (region == null || region.isBlank() || region.length() > MAXIMUM_NAME) {
                problems.add(new FieldProblem("inspected_service.region", "is required, for example \"South East\""));
            }
            return problems;
        }
    }

    /** What is wrong with a display name, if anything. */
    public static java.util.Optional<String> displayNameProblem(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            return java.util.Optional.of("is required, for example \"Kent Youth Justice Service\"");
        }
        if (displayName.length() > MAXIMUM_NAME) {
            return java.util.Optional.of("must be at most " + MAXIMUM_NAME + " characters");
        }
        return java.util.Optional.empty();
    }
}
