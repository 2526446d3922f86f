package yardstick.reports.app;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import yardstick.platform.app.Kept;
import yardstick.reports.domain.Publication;
import yardstick.reports.domain.PublishedRendition;
import yardstick.reports.store.PlanStore;
import yardstick.reports.store.PublicationStore;

/**
 * The portal's reads, open to anyone: published reports (never drafts, never before their
 * embargo), their renditions as published, and which have a submitted improvement plan. A
 * publication and its renditions never change (a correction is a publication of its own), so once
 * read they are kept: downloads are most of the portal's calls.
 */
@Singleton
public class ReadingPublications {

    /** Renditions kept: the most read, up to this many and each no larger than {@link #LARGEST_KEPT} bytes (a PDF is read each time). */
    private static final int RENDITIONS_KEPT = 64;
    private static final int LARGEST_KEPT = 512 * 1024;

    private record RenditionOf(UUID publication, String format) {
    }

    private final PublicationStore publications;
    private final PlanStore plans;
    private final Kept<UUID, Publication> kept = new Kept<>(PublishedReports.KEPT);
    private final Kept<RenditionOf, PublishedRendition> renditionsKept = new Kept<>(RENDITIONS_KEPT);

    ReadingPublications(PublicationStore publications, PlanStore plans) {
        this.publications = publications;
        this.plans = plans;
    }

    /** Current publications visible at {@code now}, newest first, optionally for one service ("" for all) and year. */
    public List<Publication> visible(Instant now, String service, Integer year, int offset, int limit) {
        return publications.visible(now, service, year, offset, limit);
    }

    /** The publication {@code id} names, if it is public at {@code now}; a malformed id names none. */
    public Optional<Publication> visible(String id, Instant now) {
        UUID publication;
        try {
            publication = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return kept.get(publication, publications::find).filter(p -> p.visibleAt(now));
    }

    /** The visible correction that replaces the publication, if any. */
    public Optional<Publication> correctionOf(UUID publication, Instant now) {
        return publications.correctionOf(publication, now);
    }

    /** The publication's rendition in the stored format ("HTML", "MARKDOWN", "JSON", "PDF"), with its content. */
    public Optional<PublishedRendition> rendition(UUID publication, String format) {
        RenditionOf key = new RenditionOf(publication, format);
        Optional<PublishedRendition> known = renditionsKept.known(key);
        if (known.isPresent()) {
            return known;
        }
        Optional<PublishedRendition> read = publications.rendition(publication, format);
        read.filter(r -> r.content().length <= LARGEST_KEPT).ifPresent(r -> renditionsKept.put(key, r));
        return read;
    }

    /** For each of {@code publications}, the publication whose submitted plan answers its report, if one has one. */
    public Map<UUID, UUID> submittedPlansOf(Collection<UUID> publications, Instant now) {
        return plans.submittedPlansOf(publications, now);
    }
}
