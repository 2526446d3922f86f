package yardstick.reports.app;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import yardstick.reports.domain.Publication;
import yardstick.reports.domain.PublishedRendition;
import yardstick.reports.store.PlanStore;
import yardstick.reports.store.PublicationStore;

/**
 * The portal's reads, open to anyone: published reports (never drafts, never before their
 * embargo), their renditions as published, and which have a submitted improvement plan.
 */
@Singleton
public class ReadingPublications {

    private final PublicationStore publications;
    private final PlanStore plans;

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
        try {
            return publications.find(UUID.fromString(id)).filter(p -> p.visibleAt(now));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The visible correction that replaces the publication, if any. */
    public Optional<Publication> correctionOf(UUID publication, Instant now) {
        return publications.correctionOf(publication, now);
    }

    /** The publication's rendition in the stored format ("HTML", "MARKDOWN", "JSON", "PDF"), with its content. */
    public Optional<PublishedRendition> rendition(UUID publication, String format) {
        return publications.rendition(publication, format);
    }

    /** For each of {@code publications}, the publication whose submitted plan answers its report, if one has one. */
    public Map<UUID, UUID> submittedPlansOf(Collection<UUID> publications, Instant now) {
        return plans.submittedPlansOf(publications, now);
    }
}
