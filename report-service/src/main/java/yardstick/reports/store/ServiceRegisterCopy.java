package yardstick.reports.store;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import yardstick.platform.store.Jdbc;
import yardstick.reports.domain.ServiceOnRecord;

/** report-service's copy of case-service's register of inspected services, which the portal reads. */
@Singleton
public class ServiceRegisterCopy {

    private final Jdbc jdbc;

    ServiceRegisterCopy(@Named("default") DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Takes each service as the register gives it now; a service the copy does not hold is added. */
    @Transactional
    public void keep(List<ServiceOnRecord> services, Instant now) {
        for (ServiceOnRecord service : services) {
            jdbc.execute("INSERT INTO inspected_service (name, display_name, former_names, local_authorities, region, copy_time) "
                            + "VALUES (?, ?, ?::text[], ?::text[], ?, ?) ON CONFLICT (name) DO UPDATE SET display_name = excluded.display_name, "
                            + "former_names = excluded.former_names, local_authorities = excluded.local_authorities, region = excluded.region, "
                            + "copy_time = excluded.copy_time",
                    service.name(), service.displayName(), Jdbc.textArray(service.formerNames()), Jdbc.textArray(service.localAuthorities()),
                    service.region(), now.atOffset(ZoneOffset.UTC));
        }
    }

    @Transactional(readOnly = true)
    public List<ServiceOnRecord> all() {
        return jdbc.query("SELECT * FROM inspected_service ORDER BY display_name, name", ServiceRegisterCopy::row);
    }

    private static ServiceOnRecord row(ResultSet row) throws SQLException {
        return new ServiceOnRecord(row.getString("name"), row.getString("display_name"), List.of((String[]) row.getArray("former_names").getArray()),
                List.of((String[]) row.getArray("local_authorities").getArray()), row.getString("region"));
    }
}
