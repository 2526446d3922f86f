package yardstick.reports.store;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import yardstick.platform.store.Jdbc;

/** Published reports and their renditions, stored once and never changed. */
@Singleton
public class PublicationStore {

    public record PublicationRow(UUID id, UUID report, String inspection, String serviceInspected, Instant publishTime,
                                 Optional<Instant> embargoUntil, byte[] reportBody) {

        /** Whether the portal may show it at {@code now}. */
        public boolean visibleAt(Instant now) {
            return embargoUntil.map(e -> !now.isBefore(e)).orElse(true);
        }
    }

    public record RenditionRow(String format, String contentType, String sha256, byte[] content) {
    }

    private final Jdbc jdbc;

    PublicationStore(@Named("default") DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Transactional
    public void add(PublicationRow publication, List<RenditionRow> renditions) {
        jdbc.execute("insert into publication (id, report_id, inspection, service_inspected, publish_time, embargo_until, report_body) "
                        + "values (?, ?, ?, ?, ?, ?, ?)", publication.id(), publication.report(), publication.inspection(),
                publication.serviceInspected(), Timestamp.from(publication.publishTime()),
                publication.embargoUntil().map(Timestamp::from).orElse(null), publication.reportBody());
        for (RenditionRow rendition : renditions) {
            jdbc.execute("insert into rendition (publication_id, format, content_type, sha256, content) values (?, ?, ?, ?, ?)",
                    publication.id(), rendition.format(), rendition.contentType(), rendition.sha256(), rendition.content());
        }
    }

    @Transactional(readOnly = true)
    public Optional<PublicationRow> find(UUID id) {
        return jdbc.query("select * from publication where id = ?", PublicationStore::row, id).stream().findFirst();
    }

    /** Publications visible at {@code now}, newest first, optionally for one service and year, after an offset. */
    @Transactional(readOnly = true)
    public List<PublicationRow> visible(Instant now, String service, Integer year, int offset, int limit) {
        return jdbc.query("select * from publication where (embargo_until is null or embargo_until <= ?) "
                        + "and (? = '' or service_inspected = ?) and (?::int is null or extract(year from publish_time) = ?::int) "
                        + "order by publish_time desc, id offset ? limit ?", PublicationStore::row,
                Timestamp.from(now), service, service, year, year, offset, limit);
    }

    @Transactional(readOnly = true)
    public List<RenditionRow> renditions(UUID publication, boolean withContent) {
        return jdbc.query("select format, content_type, sha256, " + (withContent ? "content" : "null as content")
                        + " from rendition where publication_id = ? order by format",
                row -> new RenditionRow(row.getString(1), row.getString(2), row.getString(3), row.getBytes(4)), publication);
    }

    private static PublicationRow row(java.sql.ResultSet row) throws java.sql.SQLException {
        Timestamp embargo = row.getTimestamp("embargo_until");
        return new PublicationRow(row.getObject("id", UUID.class), row.getObject("report_id", UUID.class), row.getString("inspection"),
                row.getString("service_inspected"), row.getTimestamp("publish_time").toInstant(),
                Optional.ofNullable(embargo).map(Timestamp::toInstant), row.getBytes("report_body"));
    }
}
