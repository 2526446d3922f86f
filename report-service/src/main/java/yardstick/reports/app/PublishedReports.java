package yardstick.reports.app;

import com.google.protobuf.InvalidProtocolBufferException;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.UUID;
import yardstick.platform.app.Kept;
import yardstick.reports.domain.Publication;
import yardstick.reports.store.PublicationStore;
import yardstick.reports.v1.Report;

/**
 * The report each publication froze. A publication never changes, so each is read and parsed once
 * and kept: the portal's pages and open data read every current publication's report on each call.
 */
@Singleton
public class PublishedReports {

    /** Publications kept once read, here and by the portal: every one a portal has shown for years, with room to spare. */
    static final int KEPT = 2_000;

    private final PublicationStore publications;
    private final Kept<UUID, Report> kept = new Kept<>(KEPT);

    PublishedReports(PublicationStore publications) {
        this.publications = publications;
    }

    public Report of(Publication publication) {
        return kept.get(publication.id(), id -> Optional.of(read(id))).orElseThrow();
    }

    private Report read(UUID publication) {
        byte[] body = publications.reportBody(publication)
                .orElseThrow(() -> new IllegalStateException("publication " + publication + " has no report"));
        try {
            return Report.parseFrom(body);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("publication " + publication + " is unreadable", e);
        }
    }
}
