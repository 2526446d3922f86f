package yardstick.reports.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import yardstick.reports.store.PublicationStore;
import yardstick.reports.store.ReportStore;
import yardstick.reports.v1.Recommendation;
import yardstick.reports.v1.Report;

/**
 * Published reports for plan tests, stored as PublishReport stores them (the report's body in the
 * publication), without asking case-service and rating-service to assemble one.
 */
final class PublishedReports {

    private PublishedReports() {
    }

    /** "publications/{id}" of a new publication of a report making {@code recommendations}. */
    static String publish(ReportStore reports, PublicationStore publications, String service, List<Recommendation> recommendations,
                          Optional<Instant> embargo) {
        UUID report = UUID.randomUUID();
        UUID publication = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Report body = Report.newBuilder().setName("reports/" + report).setInspection("inspections/" + UUID.randomUUID())
                .setServiceInspected(service).addAllRecommendations(recommendations).build();
        reports.add(report, body.getInspection(), body.toByteArray(), "HMI-0001", now);
        publications.add(new PublicationStore.PublicationRow(publication, report, 1, body.getInspection(), service, now, embargo,
                Optional.empty(), "", body.toByteArray(), now), List.of(), "publisher-1");
        return "publications/" + publication;
    }

    static List<Recommendation> numbered(int count) {
        return java.util.stream.IntStream.rangeClosed(1, count).mapToObj(n -> Recommendation.newBuilder().setNumber(n)
                .setAddressedTo("the Youth Justice Service").setText("recommendation " + n).build()).toList();
    }
}
