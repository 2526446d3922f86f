package yardstick.reports.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import yardstick.reports.store.PublicationStore;
import yardstick.reports.store.ReportStore;
import yardstick.common.v1.Rating;
import yardstick.reports.v1.RatingsRow;
import yardstick.reports.v1.RatingsTable;
import yardstick.reports.v1.Recommendation;
import yardstick.reports.v1.StandardSection;
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
                .setServiceInspected(service).setInspectedService(inspectedService(service)).addAllRecommendations(recommendations).build();
        reports.add(report, body.getInspection(), body.toByteArray(), "HMI-0001", now);
        publications.add(new PublicationStore.PublicationRow(publication, report, 1, body.getInspection(), service, now, embargo,
                Optional.empty(), "", body.toByteArray(), now), List.of(), "publisher-1");
        return "publications/" + publication;
    }

    /** A standard's rating, for a rated publication. */
    record Rated(String standard, String name, int domain, String domainName, Rating rating) {
    }

    /**
     * "publications/{id}" of a new publication, first published at {@code published}, of a report
     * on {@code inspectedService} (known then as {@code service}) with these ratings, the score
     * their sum, and fieldwork in the week from {@code fieldworkStart}.
     */
    static String publishRated(ReportStore reports, PublicationStore publications, String service, String inspectedService,
                               Instant published, java.time.LocalDate fieldworkStart, Rating overall, List<Rated> standards) {
        UUID report = UUID.randomUUID();
        UUID publication = UUID.randomUUID();
        RatingsTable.Builder table = RatingsTable.newBuilder().setOverall(overall).setMaximumScore(36)
                .setScore(standards.stream().mapToInt(s -> s.rating().getNumber() - 1).sum());
        Report.Builder body = Report.newBuilder().setName("reports/" + report).setInspection("inspections/" + UUID.randomUUID())
                .setRatingsSnapshot("inspections/x/ratingSnapshots/1").setPublished(true).setVersion(1)
                .setServiceInspected(service).setInspectedService(inspectedService)
                .setFieldworkStart(date(fieldworkStart)).setFieldworkEnd(date(fieldworkStart.plusDays(4)))
                .setExecutiveSummary("A summary.").setBackground("A background.").addAllRecommendations(numbered(2));
        for (Rated rated : standards) {
            table.addRows(RatingsRow.newBuilder().setStandard(rated.standard()).setName(rated.name()).setRating(rated.rating()));
            body.addStandards(StandardSection.newBuilder().setStandard(rated.standard()).setName(rated.name()).setRating(rated.rating())
                    .setDomainNumber(rated.domain()).setDomainName(rated.domainName()).setRationale("Why."));
        }
        Report built = body.setRatingsTable(table).build();
        reports.add(report, built.getInspection(), built.toByteArray(), "HMI-0001", published);
        publications.add(new PublicationStore.PublicationRow(publication, report, 1, built.getInspection(), service, published, Optional.empty(),
                Optional.empty(), "", built.toByteArray(), published), List.of(), "publisher-1");
        return "publications/" + publication;
    }

    private static com.google.type.Date date(java.time.LocalDate day) {
        return com.google.type.Date.newBuilder().setYear(day.getYear()).setMonth(day.getMonthValue()).setDay(day.getDayOfMonth()).build();
    }

    /** The register's name of a service of these tests: its name's words, hyphenated ("inspectedServices/a-youth-justice-service"). */
    static String inspectedService(String service) {
        return "inspectedServices/" + service.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    static List<Recommendation> numbered(int count) {
        return java.util.stream.IntStream.rangeClosed(1, count).mapToObj(n -> Recommendation.newBuilder().setNumber(n)
                .setAddressedTo("the Youth Justice Service").setText("recommendation " + n).build()).toList();
    }
}
