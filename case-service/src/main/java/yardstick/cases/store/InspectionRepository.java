package yardstick.cases.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface InspectionRepository extends GenericRepository<InspectionRow, UUID> {

    InspectionRow save(InspectionRow row);

    @Query("""
            UPDATE inspection SET inspected_service = :inspectedService, fieldwork_start = :fieldworkStart,
                   fieldwork_end = :fieldworkEnd, framework = :framework, team = :team, state = :state,
                   version = :version, update_time = :updateTime
             WHERE id = :id AND version = :expectedVersion""")
    long updateIfVersion(UUID id, String inspectedService, java.time.LocalDate fieldworkStart, java.time.LocalDate fieldworkEnd,
                         String framework, @io.micronaut.data.annotation.TypeDef(type = io.micronaut.data.model.DataType.STRING_ARRAY) String[] team, String state, long version, Instant updateTime, long expectedVersion);

    @Query("UPDATE inspection SET close_time = :closeTime WHERE id = :id AND close_time IS NULL")
    long recordClose(UUID id, Instant closeTime);

    @Query("SELECT * FROM inspection ORDER BY create_time, id LIMIT :limit")
    List<InspectionRow> first(int limit);

    @Query("SELECT * FROM inspection WHERE (create_time, id) > (:createTime, :id) ORDER BY create_time, id LIMIT :limit")
    List<InspectionRow> after(Instant createTime, UUID id, int limit);
}
