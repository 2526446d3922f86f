package yardstick.reports.store;

import com.google.protobuf.InvalidProtocolBufferException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import yardstick.platform.grpc.Errors;
import yardstick.platform.grpc.Times;
import yardstick.reports.domain.Authoring;
import yardstick.reports.v1.Report;

/**
 * The two use cases that change a report, each in one transaction holding the report's row lock:
 * a new version from the authors, and a publication of the latest version.
 */
@Singleton
public class ReportRevisions {

    private final ReportStore reports;
    private final PublicationStore publications;

    ReportRevisions(ReportStore reports, PublicationStore publications) {
        this.reports = reports;
        this.publications = publications;
    }

    /** A new version made by {@code edit} from the latest, if the etag is current and a published version is only corrected. */
    @Transactional
    public Report revise(UUID id, String name, String etag, String correctionNote, String updatedBy, Instant now,
                         Function<Report, Report> edit) {
        ReportStore.StoredVersion latest = reports.latestForUpdate(id).orElseThrow(() -> Errors.notFound(name));
        boolean everPublished = publications.latestOf(id).isPresent();
        Optional<Authoring.Refusal> refusal = Authoring.refusal(latest.version(), latest.published(), everPublished, etag, correctionNote);
        if (refusal.isPresent()) {
            throw Errors.failedPrecondition(new Errors.Violation(refusal.get().type(), name, refusal.get().description()));
        }
        correctionNote = Authoring.nextCorrectionNote(latest.published(), latest.correctionNote(), correctionNote);
        int version = latest.version() + 1;
        Report next = edit.apply(parse(latest.body())).toBuilder()
                .setVersion(version)
                .setUpdatedBy(updatedBy)
                .setUpdateTime(Times.timestamp(now))
                .setCorrectionNote(correctionNote)
                .setPublished(false)
                .setEtag(Authoring.etag(version))
                .build();
        reports.addVersion(id, version, next.toByteArray(), updatedBy, now, correctionNote);
        return next;
    }

    /**
     * The latest version, frozen: refused if the etag is stale, if it is already published or not
     * yet complete, or if it corrects a publication whose embargo would outlast its own; {@code publish}
     * stores it, given the publication it corrects, if any.
     */
    @Transactional
    public <R> R publishLatest(UUID id, String name, String etag, Optional<java.time.Instant> embargo,
                               java.util.function.BiFunction<Report, Optional<PublicationStore.PublicationRow>, R> publish) {
        ReportStore.StoredVersion latest = reports.latestForUpdate(id).orElseThrow(() -> Errors.notFound(name));
        if (!Authoring.etag(latest.version()).equals(etag)) {
            throw Errors.failedPrecondition(new Errors.Violation("ETAG", name, "the report changed since it was read (its etag is now "
                    + Authoring.etag(latest.version()) + "); review the latest version before publishing it"));
        }
        Report report = parse(latest.body());
        if (latest.published()) {
            String publication = publications.latestOf(id).map(p -> "publications/" + p.id()).orElse("a publication");
            throw Errors.failedPrecondition(new Errors.Violation("PUBLISHED", name, "version " + latest.version()
                    + " is already published as " + publication + "; to change it, update the report with a correction note"));
        }
        List<Authoring.Refusal> missing = Authoring.unpublishable(report.getExecutiveSummary(),
                report.getRecommendationsList().stream().map(r -> new Authoring.Recommendation(r.getNumber(), r.getAddressedTo(), r.getText()))
                        .toList());
        if (!missing.isEmpty()) {
            throw Errors.failedPrecondition(missing.stream().map(m -> new Errors.Violation(m.type(), name, m.description())).toList());
        }
        // A report published before is corrected by this publication, which replaces the latest one.
        Optional<PublicationStore.PublicationRow> corrected = publications.latestOf(id);
        Authoring.embargoRefusal(corrected.flatMap(PublicationStore.PublicationRow::embargoUntil), embargo, java.time.Instant.now()).ifPresent(r -> {
            throw Errors.failedPrecondition(new Errors.Violation(r.type(), name, r.description()));
        });
        return publish.apply(report, corrected);
    }

    static Report parse(byte[] body) {
        try {
            return Report.parseFrom(body);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a stored report is unreadable", e);
        }
    }
}
