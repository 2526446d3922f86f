package yardstick.platform.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a caller may be, as the identity provider's roles claim names it. People hold the first
 * seven; the services' own identities (client credentials) hold the last three.
 */
public enum Role {
    /** Judges the cases assigned to them, on the inspections whose team they are on. */
    INSPECTOR("inspector"),
    /** Runs an inspection: its team, population, sampling, qualitative ratings, report drafting. */
    LEAD_INSPECTOR("lead-inspector"),
    /** Decides on professional discretion. */
    RATINGS_PANEL("ratings-panel"),
    /** Publishes reports and their corrections. */
    PUBLISHER("publisher"),
    /** The inspected youth justice service: its own draft for comment and its own improvement plan. */
    INSPECTED_SERVICE("inspected-service"),
    /** Frameworks, retention, the audit trail. */
    ADMINISTRATOR("administrator"),
    /** Another system: stateless rating calls and frameworks. */
    INTEGRATION("integration"),
    CASE_SERVICE("case-service"),
    RATING_SERVICE("rating-service"),
    REPORT_SERVICE("report-service");

    private final String claim;

    Role(String claim) {
        this.claim = claim;
    }

    /** The role as the token names it, for example {@code lead-inspector}. */
    public String claim() {
        return claim;
    }

    /** True for the services' own identities, false for people and other systems. */
    public boolean isService() {
        return this == CASE_SERVICE || this == RATING_SERVICE || this == REPORT_SERVICE;
    }

    public static Optional<Role> fromClaim(String claim) {
        return Arrays.stream(values()).filter(r -> r.claim.equals(claim)).findFirst();
    }
}
