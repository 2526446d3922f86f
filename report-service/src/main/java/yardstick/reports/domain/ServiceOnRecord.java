package yardstick.reports.domain;

import java.util.List;

/**
 * An inspected service as the register in case-service holds it: its resource name
 * ({@code inspectedServices/{code}}, which never changes), what it is called now and was called
 * before (most recent first), the local authorities it covers and its region.
 */
public record ServiceOnRecord(String name, String displayName, List<String> formerNames, List<String> localAuthorities, String region) {

    public static final String PREFIX = "inspectedServices/";

    public ServiceOnRecord {
        formerNames = List.copyOf(formerNames);
        localAuthorities = List.copyOf(localAuthorities);
    }

    /** The code, the last part of the name: the portal's address of the service's page. */
    public String code() {
        return name.substring(PREFIX.length());
    }
}
