package yardstick.reports.store;

import io.micronaut.data.connection.annotation.Connectable;
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
import yardstick.reports.domain.Publication;
import yardstick.reports.domain.PublishedRendition;
import yardstick.reports.domain.ReportHistory;

/** Published reports and their renditions, stored once and never changed. */
@Singleton
public class PublicationStore {

    /** A publication to add ({@code firstPublishTime} is not stored: reading works it out). */
    public record PublicationRow(UUID id, UUID report, int reportVersion, String inspection, String serviceInspected, Instant publishTime,
                                 Optional<Instant> embargoUntil, Optional<UUID> corrects, String correctionNote, byte[] reportBody,
                                 Instant firstPublishTime) {
    }

    /**
     * Every publication with the time its report was first published, the year a portal files it
     * under; not its body, which only {@link #reportBody} reads (a list of twenty carried a
     * megabyte of bodies nobody read).
     */
    private static final String SELECT = "select p.id, p.report_id, p.report_version, p.inspection, p.service_inspected, p.publish_time, "
            + "p.embargo_until, p.corrects, p.correction_note, "
            + "(select min(f.publish_time) from publication f where f.report_id = p.report_id) as first_publish_time from publication p ";

    private final Jdbc jdbc;

    PublicationStore(@Named("default") DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Transactional
    public void add(PublicationRow publication, List<PublishedRendition> renditions, String publishedBy) {
        jdbc.execute("insert into publication (id, report_id, report_version, inspection, service_inspected, publish_time, embargo_until, "
                        + "corrects, correction_note, report_body, published_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                publication.id(), publication.report(),
                publication.reportVersion(), publication.inspection(), publication.serviceInspected(), Timestamp.from(publication.publishTime()),
                publication.embargoUntil().map(Timestamp::from).orElse(null), publication.corrects().orElse(null),
                publication.correctionNote(), publication.reportBody(), publishedBy);
        for (PublishedRendition rendition : renditions) {
            jdbc.execute("insert into rendition (publication_id, format, content_type, sha256, content) values (?, ?, ?, ?, ?)",
                    publication.id(), rendition.format(), rendition.contentType(), rendition.sha256(), rendition.content());
        }
    }

    @Transactional(readOnly = true)
    public Optional<Publication> find(UUID id) {
        return jdbc.query(SELECT + "where p.id = ?", PublicationStore::row, id).stream().findFirst();
    }

    /**
     * Current publications visible at {@code now}, newest first, optionally for one service and year,
     * after an offset. A publication a visible correction replaces is not current. One statement, so
     * read outside a transaction: the portal lists on every page view, and a read-only transaction
     * was a round trip of its own.
     */
    @Connectable
    public List<Publication> visible(Instant now, String service, Integer year, int offset, int limit) {
        Timestamp at = Timestamp.from(now);
        return jdbc.query("select * from (" + SELECT + ") p where (p.embargo_until is null or p.embargo_until <= ?) "
                        + "and not exists (select 1 from publication later where later.report_id = p.report_id "
                        + "and later.report_version > p.report_version and (later.embargo_until is null or later.embargo_until <= ?)) "
                        + "and (? = '' or p.service_inspected = ?) and (?::int is null or extract(year from p.first_publish_time) = ?::int) "
                        + "order by p.publish_time desc, p.id offset ? limit ?", PublicationStore::row,
                at, at, service, service, year, year, offset, limit);
    }

    /**
     * The ids of every current publication visible at {@code now}, newest first: what {@link #visible}
     * gives, without reading their bodies.
     */
    @Transactional(readOnly = true)
    public List<UUID> currentVisible(Instant now) {
        Timestamp at = Timestamp.from(now);
        return jdbc.query("select p.id from publication p where (p.embargo_until is null or p.embargo_until <= ?) "
                        + "and not exists (select 1 from publication later where later.report_id = p.report_id "
                        + "and later.report_version > p.report_version and (later.embargo_until is null or later.embargo_until <= ?)) "
                        + "order by p.publish_time desc, p.id", row -> row.getObject(1, UUID.class), at, at);
    }

    /** The report the publication froze, as its protobuf bytes. */
    @Transactional(readOnly = true)
    public Optional<byte[]> reportBody(UUID publication) {
        return jdbc.query("select report_body from publication where id = ?", row -> row.getBytes(1), publication).stream().findFirst();
    }

    /** The report's latest publication, under embargo or not. */
    @Transactional(readOnly = true)
    public Optional<Publication> latestOf(UUID report) {
        return jdbc.query(SELECT + "where p.report_id = ? order by p.report_version desc limit 1", PublicationStore::row, report)
                .stream().findFirst();
    }

    /** The report's publications, oldest first, with their publishers (empty for those published before publishers were kept). */
    @Transactional(readOnly = true)
    public List<ReportHistory.Published> ofReport(UUID report) {
        return jdbc.query("select id, report_version, publish_time, coalesce(published_by, ''), corrects is not null from publication "
                        + "where report_id = ? order by report_version",
                row -> new ReportHistory.Published(row.getObject(1, UUID.class), row.getInt(2),
                        row.getTimestamp(3).toInstant(), row.getString(4), row.getBoolean(5)), report);
    }

    /** The visible correction of a publication, if one replaces it. */
    @Transactional(readOnly = true)
    public Optional<Publication> correctionOf(UUID publication, Instant now) {
        return jdbc.query(SELECT + "where p.corrects = ? and (p.embargo_until is null or p.embargo_until <= ?)",
                PublicationStore::row, publication, Timestamp.from(now)).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public List<PublishedRendition> renditions(UUID publication, boolean withContent) {
        return jdbc.query("select format, content_type, sha256, " + (withContent ? "content" : "null as content")
                        + " from rendition where publication_id = ? order by format",
                row -> new PublishedRendition(row.getString(1), row.getString(2), row.getString(3), row.getBytes(4)), publication);
    }

    /** The publication's rendition in one stored format, with its content: the one a download reads, and no other. */
    @Transactional(readOnly = true)
    public Optional<PublishedRendition> rendition(UUID publication, String format) {
        return jdbc.query("select format, content_type, sha256, content from rendition where publication_id = ? and format = ?",
                row -> new PublishedRendition(row.getString(1), row.getString(2), row.getString(3), row.getBytes(4)), publication, format)
                .stream().findFirst();
    }

    private static Publication row(java.sql.ResultSet row) throws java.sql.SQLException {
        Timestamp embargo = row.getTimestamp("embargo_until");
        return new Publication(row.getObject("id", UUID.class), row.getObject("report_id", UUID.class), row.getInt("report_version"),
                row.getString("inspection"), row.getString("service_inspected"), row.getTimestamp("publish_time").toInstant(),
                Optional.ofNullable(embargo).map(Timestamp::toInstant), Optional.ofNullable(row.getObject("corrects", UUID.class)),
                row.getString("correction_note"), row.getTimestamp("first_publish_time").toInstant());
    }
}
