package yardstick.reports.app;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import yardstick.platform.app.Kept;
import yardstick.reports.domain.NationalPicture;
import yardstick.reports.domain.Publication;
import yardstick.reports.domain.PublishedOutcome;
import yardstick.reports.domain.ReportDocument;
import yardstick.reports.domain.ServiceOnRecord;
import yardstick.reports.plans.ImprovementPlan;
import yardstick.reports.plans.Progress;
import yardstick.reports.store.PlanStore;
import yardstick.reports.store.PublicationStore;
import yardstick.reports.store.ServiceRegisterCopy;
import yardstick.reports.v1.Report;

/**
 * The portal's pages' reads, open to anyone: the services inspected with their published
 * inspections over time, a published report as a page, and the national picture. Only current,
 * visible publications count. A publication never changes, so what the portal needs of each is
 * read from its body once and kept.
 */
@Singleton
public class ReadingPortal {

    /**
     * A service with its published inspections, newest first, and its latest submitted improvement
     * plan: the one answering its latest report, else the newest answering an earlier one.
     */
    public record ServiceHistory(ServiceOnRecord service, List<PublishedOutcome> inspections, Optional<PlanProgress> plan) {

        public PublishedOutcome latest() {
            return inspections.get(0);
        }
    }

    /**
     * A submitted improvement plan: where its renditions are (the publication it answers), when the
     * report it answers was published and whether that is the service's latest, and how far it has got.
     */
    public record PlanProgress(UUID answers, LocalDate reportPublished, boolean answersLatest, String title, Progress overall,
                               Map<Integer, Progress> byRecommendation) {
    }

    /** A published report as a page: the publication, its service, and the report as the renditions model it. */
    public record ReportPage(Publication publication, ServiceOnRecord service, PublishedOutcome outcome, ReportDocument report,
                             Optional<UUID> plan) {
    }

    private final PublicationStore publications;
    private final PlanStore plans;
    private final ServiceRegisterCopy register;
    private final Optional<CopyingServiceRegister> copying;
    private final ReadingPlan readingPlan;
    private final PublishedReports reports;
    /** The outcome of each publication read, kept: a publication never changes. */
    private final Kept<UUID, PublishedOutcome> outcomes = new Kept<>(PublishedReports.KEPT);

    ReadingPortal(PublicationStore publications, PlanStore plans, ServiceRegisterCopy register, Optional<CopyingServiceRegister> copying,
                  ReadingPlan readingPlan, PublishedReports reports) {
        this.publications = publications;
        this.reports = reports;
        this.plans = plans;
        this.register = register;
        this.copying = copying;
        this.readingPlan = readingPlan;
    }

    /** Every current publication visible at {@code now}, newest first. */
    public List<PublishedOutcome> outcomes(Instant now) {
        List<PublishedOutcome> current = new ArrayList<>();
        for (UUID id : publications.currentVisible(now)) {
            outcomes.get(id, p -> publications.find(p).map(this::outcome)).ifPresent(current::add);
        }
        return current;
    }

    /** Every service with a published inspection, by its present name, each with its inspections newest first. */
    public List<ServiceHistory> services(Instant now) {
        List<PublishedOutcome> all = outcomes(now);
        Map<String, List<PublishedOutcome>> byService = all.stream()
                .collect(Collectors.groupingBy(PublishedOutcome::serviceKey, LinkedHashMap::new, Collectors.toList()));
        Map<String, ServiceOnRecord> records = records(byService.keySet());
        Map<UUID, UUID> plansOf = plans.submittedPlansOf(all.stream().map(PublishedOutcome::publication).toList(), now);
        List<ServiceHistory> services = new ArrayList<>();
        byService.forEach((key, inspections) -> {
            List<PublishedOutcome> newestFirst = inspections.stream()
                    .sorted(Comparator.comparing(PublishedOutcome::firstPublished).reversed()).toList();
            ServiceOnRecord service = records.getOrDefault(key, unregistered(newestFirst.get(0)));
            Optional<PlanProgress> plan = Optional.empty();
            for (PublishedOutcome inspection : newestFirst) {
                if (plansOf.containsKey(inspection.publication())) {
                    plan = progress(plansOf.get(inspection.publication()), inspection.published(), inspection == newestFirst.get(0));
                    break;
                }
            }
            services.add(new ServiceHistory(service, newestFirst, plan));
        });
        services.sort(Comparator.comparing((ServiceHistory s) -> s.service().displayName()).thenComparing(s -> s.service().name()));
        return services;
    }

    /** The service the code names, with its published inspections; empty when it has none published. */
    public Optional<ServiceHistory> service(String code, Instant now) {
        return services(now).stream().filter(s -> s.service().name().equals(ServiceOnRecord.PREFIX + code)).findFirst();
    }

    /** The published report {@code id} names, as a page, if it is current and public at {@code now}. */
    public Optional<ReportPage> report(String id, Instant now) {
        Optional<Publication> found = uuid(id).flatMap(publications::find).filter(p -> p.visibleAt(now));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        UUID publication = found.get().id();
        PublishedOutcome outcome = outcomes.get(publication, p -> Optional.of(outcome(found.get()))).orElseThrow();
        ServiceOnRecord service = records(List.of(outcome.serviceKey())).getOrDefault(outcome.serviceKey(), unregistered(outcome));
        Optional<UUID> plan = Optional.ofNullable(plans.submittedPlansOf(List.of(publication), now).get(publication));
        return Optional.of(new ReportPage(found.get(), service, outcome, ReportDocuments.of(reports.of(found.get())), plan));
    }

    /** The national picture of every current publication visible at {@code now}. */
    public List<NationalPicture.Row> nationalPicture(Instant now) {
        return NationalPicture.of(outcomes(now));
    }

    /** The register's record of each key; a registered service missing from the copy has the copy refreshed once. */
    private Map<String, ServiceOnRecord> records(java.util.Collection<String> keys) {
        Map<String, ServiceOnRecord> copied = copied();
        boolean missing = keys.stream().anyMatch(k -> k.startsWith(ServiceOnRecord.PREFIX) && !copied.containsKey(k));
        return missing && copying.isPresent() && copying.get().copySoon() ? copied() : copied;
    }

    private Map<String, ServiceOnRecord> copied() {
        return register.all().stream().collect(Collectors.toMap(ServiceOnRecord::name, Function.identity()));
    }

    /** A service as its publication names it, when the copy of the register does not hold it (yet). */
    private static ServiceOnRecord unregistered(PublishedOutcome outcome) {
        return new ServiceOnRecord(outcome.inspectedService().isEmpty() ? "" : outcome.inspectedService(), outcome.nameAtPublication(),
                List.of(), List.of(), "");
    }

    private Optional<PlanProgress> progress(UUID answers, LocalDate reportPublished, boolean answersLatest) {
        return plans.submittedOf(answers).map(row -> {
            ImprovementPlan plan = PlanMessages.plan(row.body());
            LocalDate today = readingPlan.today();
            Map<Integer, Progress> byRecommendation = new LinkedHashMap<>();
            plan.recommendationNumbers().stream().sorted().forEach(n -> byRecommendation.put(n, Progress.ofRecommendation(plan, n, today)));
            return new PlanProgress(answers, reportPublished, answersLatest, plan.title(), Progress.of(plan.actions(), today), byRecommendation);
        });
    }

    private PublishedOutcome outcome(Publication publication) {
        Report report = reports.of(publication);
        List<PublishedOutcome.StandardOutcome> standards = report.getStandardsList().stream()
                .map(s -> new PublishedOutcome.StandardOutcome(s.getStandard(), s.getName(), ReportAssembly.label(s.getRating()))).toList();
        return new PublishedOutcome(publication.id(), publication.inspection(), report.getInspectedService(), publication.serviceInspected(),
                publication.firstPublishTime(), date(report.hasFieldworkStart(), report.getFieldworkStart()),
                date(report.hasFieldworkEnd(), report.getFieldworkEnd()), ReportAssembly.label(report.getRatingsTable().getOverall()),
                report.getRatingsTable().getScore(), report.getRatingsTable().getMaximumScore(), standards);
    }

    private static Optional<UUID> uuid(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> date(boolean present, com.google.type.Date date) {
        return present ? Optional.of(LocalDate.of(date.getYear(), date.getMonth(), date.getDay())) : Optional.empty();
    }
}
