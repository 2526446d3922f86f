package yardstick.cases.store;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import yardstick.cases.domain.InspectedService;
import yardstick.platform.store.Jdbc;

/** The register of inspected services, with their former names; in the caller's transaction when it holds one. */
@Singleton
public class InspectedServiceStore {

    private final Jdbc jdbc;

    InspectedServiceStore(@Named("default") DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Adds the service; false when its code is taken. */
    @Transactional
    public boolean add(InspectedService service) {
        return jdbc.execute("INSERT INTO inspected_service (code, display_name, local_authorities, region, version, create_time, update_time) "
                        + "VALUES (?, ?, ?::text[], ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING",
                service.code(), service.displayName(), Jdbc.textArray(service.localAuthorities()), service.region(), service.version(),
                time(service.createTime()), time(service.updateTime())) == 1;
    }

    @Transactional(readOnly = true)
    public Optional<InspectedService> find(String code) {
        return withFormerNames(jdbc.query("SELECT * FROM inspected_service WHERE code = ?", InspectedServiceStore::row, code))
                .stream().findFirst();
    }

    /** Up to {@code limit} services by code, after the code given (or from the start when it is empty). */
    @Transactional(readOnly = true)
    public List<InspectedService> page(String afterCode, int limit) {
        return withFormerNames(jdbc.query("SELECT * FROM inspected_service WHERE code > ? ORDER BY code LIMIT ?",
                InspectedServiceStore::row, afterCode, limit));
    }

    /** What each of the codes' services is called now; a code not registered is left out. */
    @Transactional(readOnly = true)
    public Map<String, String> displayNames(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return jdbc.query("SELECT code, display_name FROM inspected_service WHERE code = ANY (?::text[])",
                        row -> Map.entry(row.getString("code"), row.getString("display_name")), Jdbc.textArray(List.copyOf(codes)))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * Stores the rename if nobody changed the service since {@code current} was read: its new
     * name and version, and its present name as a former one.
     *
     * @return false when the version was stale
     */
    @Transactional
    public boolean rename(InspectedService current, InspectedService renamed) {
        int updated = jdbc.execute("UPDATE inspected_service SET display_name = ?, version = ?, update_time = ? WHERE code = ? AND version = ?",
                renamed.displayName(), renamed.version(), time(renamed.updateTime()), current.code(), current.version());
        if (updated != 1) {
            return false;
        }
        InspectedService.FormerName former = renamed.formerNames().get(0);
        jdbc.execute("INSERT INTO inspected_service_former_name (code, display_name, until_time) VALUES (?, ?, ?)",
                current.code(), former.displayName(), time(former.until()));
        return true;
    }

    private List<InspectedService> withFormerNames(List<InspectedService> services) {
        if (services.isEmpty()) {
            return services;
        }
        Map<String, List<InspectedService.FormerName>> former = jdbc.query(
                        "SELECT code, display_name, until_time FROM inspected_service_former_name WHERE code = ANY (?::text[]) ORDER BY until_time DESC",
                        row -> Map.entry(row.getString("code"), new InspectedService.FormerName(row.getString("display_name"),
                                row.getObject("until_time", OffsetDateTime.class).toInstant())),
                        Jdbc.textArray(services.stream().map(InspectedService::code).toList()))
                .stream().collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        List<InspectedService> complete = new ArrayList<>();
        for (InspectedService s : services) {
            complete.add(new InspectedService(s.code(), s.displayName(), s.localAuthorities(), s.region(), former.getOrDefault(s.code(), List.of()),
                    s.version(), s.createTime(), s.updateTime()));
        }
        return complete;
    }

    private static InspectedService row(ResultSet row) throws SQLException {
        return new InspectedService(row.getString("code"), row.getString("display_name"),
                List.of((String[]) row.getArray("local_authorities").getArray()), row.getString("region"), List.of(),
                row.getLong("version"), row.getObject("create_time", OffsetDateTime.class).toInstant(),
                row.getObject("update_time", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
