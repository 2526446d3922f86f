package yardstick.reports.api;

import static yardstick.reports.domain.HtmlRendition.escape;
import static yardstick.reports.domain.HtmlRendition.ratingTag;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import yardstick.reports.app.ReadingPortal;
import yardstick.reports.domain.HtmlRendition;
import yardstick.reports.domain.NationalPicture;
import yardstick.reports.domain.PublishedOutcome;
import yardstick.reports.domain.ServiceOnRecord;
import yardstick.reports.plans.Progress;

/**
 * The portal's pages for people, in GOV.UK Frontend's markup and served with its stylesheet from
 * the portal itself (no GDS Transport font, no crown: those are GOV.UK's alone). Every rating is
 * in words; colour only adds to them. No page names a resource the way the API does.
 */
final class PortalPages {

    static final String SERVICE_NAME = "Youth justice inspections";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    /** The sections of the portal, for its navigation. */
    enum Section {
        SERVICES("/", "Services inspected"), NATIONAL_PICTURE("/national-picture", "National picture"),
        ACCESSIBILITY("/accessibility", "Accessibility");

        final String path;
        final String label;

        Section(String path, String label) {
            this.path = path;
            this.label = label;
        }
    }

    /** What the front page was asked to show: parts of a name, a region and an overall rating, each empty for any. */
    record Filter(String name, String region, String rating) {

        boolean isEmpty() {
            return name.isBlank() && region.isBlank() && rating.isBlank();
        }

        boolean admits(ReadingPortal.ServiceHistory service) {
            String names = (service.service().displayName() + " " + String.join(" ", service.service().formerNames()) + " "
                    + String.join(" ", service.service().localAuthorities())).toLowerCase(Locale.UK);
            return (name.isBlank() || names.contains(name.strip().toLowerCase(Locale.UK)))
                    && (region.isBlank() || service.service().region().equals(region))
                    && (rating.isBlank() || service.latest().overall().equals(rating));
        }
    }

    private PortalPages() {
    }

    static String services(List<ReadingPortal.ServiceHistory> all, Filter filter) {
        List<ReadingPortal.ServiceHistory> shown = all.stream().filter(filter::admits).toList();
        StringBuilder html = new StringBuilder(16_000);
        html.append("<h1 class=\"govuk-heading-xl\">Inspections of youth justice services</h1>\n")
                .append("<p class=\"govuk-body-l\">Every youth justice service with a published inspection report: its latest rating, ")
                .append("when it was inspected and published, its report and its improvement plan.</p>\n");
        filterForm(all, filter, html);
        String count = shown.size() == 1 ? "1 service" : shown.size() + " services";
        html.append("<table class=\"govuk-table\" id=\"services\">\n<caption class=\"govuk-table__caption govuk-table__caption--m\">")
                .append(count).append(filter.isEmpty() ? ", by name" : " matching your filter, by name").append("</caption>\n")
                .append("<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">")
                .append(header("Service")).append(header("Region")).append(header("Latest overall rating"))
                .append("<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Score</th>")
                .append(header("Fieldwork")).append(header("Published")).append(header("Report")).append(header("Improvement plan"))
                .append("</tr></thead>\n<tbody class=\"govuk-table__body\">\n");
        for (ReadingPortal.ServiceHistory service : shown) {
            PublishedOutcome latest = service.latest();
            String name = escape(service.service().displayName());
            html.append("<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">")
                    .append(serviceLink(service.service())).append("</th>")
                    .append(cell(service.service().region().isEmpty() ? "Not recorded" : escape(service.service().region())))
                    .append(cell(ratingTag(latest.overall())))
                    .append("<td class=\"govuk-table__cell govuk-table__cell--numeric\">").append(score(latest)).append("</td>")
                    .append(cell(fieldwork(latest))).append(cell(day(latest.published())))
                    .append(cell("<a class=\"govuk-link\" href=\"" + reportPage(latest) + "\">Report<span class=\"govuk-visually-hidden\"> on "
                            + name + ", published " + day(latest.published()) + "</span></a>"))
                    .append(cell(service.plan().map(p -> "<a class=\"govuk-link\" href=\"" + PortalAddresses.plan(p.answers())
                            + "/html\">Plan<span class=\"govuk-visually-hidden\"> of " + name + "</span></a>"
                            + (p.answersLatest() ? "" : " (to the report of " + day(p.reportPublished()) + "; none yet to the latest)")
                            + ": " + p.overall().sentence())
                            .orElse("Not yet submitted")))
                    .append("</tr>\n");
        }
        if (shown.isEmpty()) {
            html.append("<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\" colspan=\"8\">")
                    .append(all.isEmpty() ? "No report is published yet." : "No service matches your filter.").append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n")
                .append("<h2 class=\"govuk-heading-m\">Open data</h2>\n<ul class=\"govuk-list\">\n")
                .append("<li><a class=\"govuk-link\" href=\"/national-picture\">The national picture: ratings across every published inspection</a></li>\n")
                .append("<li><a class=\"govuk-link\" href=\"/api/v1/ratings.csv\">Every published rating (CSV)</a>, ")
                .append("<a class=\"govuk-link\" href=\"/api/v1/ratings.json\">(JSON)</a></li>\n")
                .append("<li><a class=\"govuk-link\" href=\"/api/v1/openapi.yaml\">The portal's API (OpenAPI)</a></li>\n</ul>\n");
        return layout("Inspections of youth justice services", Section.SERVICES, html.toString());
    }

    private static void filterForm(List<ReadingPortal.ServiceHistory> all, Filter filter, StringBuilder html) {
        TreeSet<String> regions = new TreeSet<>();
        all.forEach(s -> {
            if (!s.service().region().isEmpty()) {
                regions.add(s.service().region());
            }
        });
        html.append("<form method=\"get\" action=\"/\" class=\"portal-filter\">\n<fieldset class=\"govuk-fieldset\">\n")
                .append("<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--m\">Find a service</legend>\n")
                .append("<div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"name\">Name or local authority</label>\n")
                .append("<input class=\"govuk-input govuk-!-width-one-half\" id=\"name\" name=\"name\" type=\"text\" value=\"")
                .append(escape(filter.name())).append("\"></div>\n")
                .append("<div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"region\">Region</label>\n")
                .append("<select class=\"govuk-select\" id=\"region\" name=\"region\">\n").append(option("", "Any region", filter.region()));
        regions.forEach(r -> html.append(option(r, r, filter.region())));
        html.append("</select></div>\n<div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"rating\">Latest overall rating</label>\n")
                .append("<select class=\"govuk-select\" id=\"rating\" name=\"rating\">\n").append(option("", "Any rating", filter.rating()));
        NationalPicture.RATINGS.forEach(r -> html.append(option(r, r, filter.rating())));
        html.append("</select></div>\n</fieldset>\n<div class=\"govuk-button-group\">")
                .append("<button type=\"submit\" class=\"govuk-button\">Show services</button>")
                .append(filter.isEmpty() ? "" : "<a class=\"govuk-link\" href=\"/\">Clear the filter</a>").append("</div>\n</form>\n");
    }

    static String service(ReadingPortal.ServiceHistory history) {
        ServiceOnRecord service = history.service();
        String name = escape(service.displayName());
        StringBuilder html = new StringBuilder(16_000);
        html.append(breadcrumbs(List.of(Map.entry("/", "Services inspected"))))
                .append("<h1 class=\"govuk-heading-xl\">").append(name).append("</h1>\n");
        if (!service.formerNames().isEmpty()) {
            html.append("<p class=\"govuk-body-l\">Formerly known as ")
                    .append(escape(String.join(", then ", reversed(service.formerNames())))).append(".</p>\n");
        }
        html.append("<dl class=\"govuk-summary-list\">\n")
                .append(summaryRow("Region", service.region().isEmpty() ? "Not recorded" : escape(service.region())))
                .append(summaryRow("Local authorities", service.localAuthorities().isEmpty() ? "Not recorded"
                        : escape(String.join(", ", service.localAuthorities()))))
                .append(summaryRow("Inspections published", String.valueOf(history.inspections().size())))
                .append("</dl>\n");

        html.append("<h2 class=\"govuk-heading-l\" id=\"inspections\">Inspections</h2>\n<table class=\"govuk-table\">\n")
                .append("<caption class=\"govuk-table__caption govuk-table__caption--m\">Published inspections of ").append(name)
                .append(", newest first</caption>\n<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">")
                .append(header("Published")).append(header("Fieldwork")).append(header("Overall rating"))
                .append("<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Score</th>").append(header("Report"))
                .append("</tr></thead>\n<tbody class=\"govuk-table__body\">\n");
        for (PublishedOutcome inspection : history.inspections()) {
            html.append("<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">").append(day(inspection.published()))
                    .append("</th>").append(cell(fieldwork(inspection))).append(cell(ratingTag(inspection.overall())))
                    .append("<td class=\"govuk-table__cell govuk-table__cell--numeric\">").append(score(inspection)).append("</td>")
                    .append(cell("<a class=\"govuk-link\" href=\"" + reportPage(inspection) + "\">Report on "
                            + escape(inspection.nameAtPublication()) + "<span class=\"govuk-visually-hidden\">, published "
                            + day(inspection.published()) + "</span></a>"))
                    .append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        standardBystandard(history, html);
        plan(history, html);
        return layout(service.displayName(), Section.SERVICES, html.toString());
    }

    /** Each standard's rating, one column an inspection, oldest first so that the change reads left to right. */
    private static void standardBystandard(ReadingPortal.ServiceHistory history, StringBuilder html) {
        List<PublishedOutcome> oldestFirst = reversed(history.inspections());
        Map<String, String> standards = new LinkedHashMap<>();
        oldestFirst.stream().flatMap(i -> i.standards().stream())
                .sorted(Comparator.comparing(PublishedOutcome.StandardOutcome::standard, PortalPages::byNumber))
                .forEach(s -> standards.putIfAbsent(s.standard(), s.name()));
        html.append("<h2 class=\"govuk-heading-l\" id=\"ratings\">Ratings standard by standard</h2>\n<table class=\"govuk-table\">\n")
                .append("<caption class=\"govuk-table__caption govuk-table__caption--m\">Each standard's rating, inspection by inspection, ")
                .append("oldest first</caption>\n<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">").append(header("Standard"));
        oldestFirst.forEach(i -> html.append(header(inspected(i))));
        html.append("</tr></thead>\n<tbody class=\"govuk-table__body\">\n");
        for (Map.Entry<String, String> standard : standards.entrySet()) {
            html.append("<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">")
                    .append(escape(standard.getKey() + " " + standard.getValue())).append("</th>");
            for (PublishedOutcome inspection : oldestFirst) {
                html.append(cell(inspection.standards().stream().filter(s -> s.standard().equals(standard.getKey())).findFirst()
                        .map(s -> ratingTag(s.rating())).orElse("Not rated")));
            }
            html.append("</tr>\n");
        }
        html.append("<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">Overall</th>");
        oldestFirst.forEach(i -> html.append(cell(score(i) + ": " + ratingTag(i.overall()))));
        html.append("</tr>\n</tbody>\n</table>\n");
    }

    private static void plan(ReadingPortal.ServiceHistory history, StringBuilder html) {
        html.append("<h2 class=\"govuk-heading-l\" id=\"improvement-plan\">Improvement plan</h2>\n");
        if (history.plan().isEmpty()) {
            html.append("<p class=\"govuk-body\">The service has not yet submitted its improvement plan in answer to its latest report.</p>\n");
            return;
        }
        ReadingPortal.PlanProgress plan = history.plan().get();
        if (!plan.answersLatest()) {
            html.append("<p class=\"govuk-body\">The service has not yet submitted its improvement plan in answer to its latest report. ")
                    .append("Its plan in answer to the one before:</p>\n");
        }
        html.append("<p class=\"govuk-body\">").append(escape(plan.title())).append(", in answer to the report published ")
                .append(day(plan.reportPublished())).append(": ").append(plan.overall().sentence()).append(".</p>\n")
                .append("<table class=\"govuk-table\">\n<caption class=\"govuk-table__caption govuk-table__caption--m\">Progress ")
                .append("recommendation by recommendation</caption>\n<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">")
                .append(header("Recommendation")).append(header("Progress")).append("</tr></thead>\n<tbody class=\"govuk-table__body\">\n");
        for (Map.Entry<Integer, Progress> entry : plan.byRecommendation().entrySet()) {
            html.append("<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">").append(entry.getKey())
                    .append("</th>").append(cell(entry.getValue().sentence())).append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n<p class=\"govuk-body\">The plan in full: <a class=\"govuk-link\" href=\"")
                .append(PortalAddresses.plan(plan.answers())).append("/html\">web page</a>, <a class=\"govuk-link\" href=\"")
                .append(PortalAddresses.plan(plan.answers())).append("/pdf\">PDF</a>.</p>\n");
    }

    static String report(ReadingPortal.ReportPage page) {
        String base = PortalAddresses.report(page.publication().id());
        StringBuilder html = new StringBuilder(80_000);
        List<Map.Entry<String, String>> crumbs = new ArrayList<>();
        crumbs.add(Map.entry("/", "Services inspected"));
        if (!page.service().name().isEmpty()) {
            crumbs.add(Map.entry(servicePage(page.service()), page.service().displayName()));
        }
        html.append(breadcrumbs(crumbs))
                .append("<p class=\"govuk-body\">Published ").append(day(page.outcome().published()));
        if (!page.service().displayName().equals(page.outcome().nameAtPublication())) {
            html.append(", when the service was called ").append(escape(page.outcome().nameAtPublication()))
                    .append("; it is now ").append(escape(page.service().displayName()));
        }
        html.append(". This report as published: <a class=\"govuk-link\" href=\"").append(base).append("/html\">web page</a>, ")
                .append("<a class=\"govuk-link\" href=\"").append(base).append("/pdf\">PDF</a>, ")
                .append("<a class=\"govuk-link\" href=\"").append(base).append("/md\">Markdown</a>, ")
                .append("<a class=\"govuk-link\" href=\"").append(base).append("/json\">JSON</a>")
                .append(page.plan().map(p -> "; the service's <a class=\"govuk-link\" href=\"" + PortalAddresses.plan(p)
                        + "/html\">improvement plan</a>").orElse("")).append(".</p>\n")
                .append(HtmlRendition.article(page.report()));
        return layout(page.report().title(), Section.SERVICES, html.toString());
    }

    static String nationalPicture(List<NationalPicture.Row> rows) {
        StringBuilder html = new StringBuilder(24_000);
        html.append("<h1 class=\"govuk-heading-xl\">The national picture</h1>\n")
                .append("<p class=\"govuk-body-l\">How the youth justice services inspected were rated, overall and standard by standard, ")
                .append("by the year their report was published. Every published inspection counts once; a correction replaces what it corrects.</p>\n");
        List<Integer> years = rows.stream().map(NationalPicture.Row::year).distinct().sorted().toList();
        if (years.isEmpty()) {
            html.append("<p class=\"govuk-body\">No report is published yet.</p>\n");
            return layout("The national picture", Section.NATIONAL_PICTURE, html.toString());
        }
        html.append("<ul class=\"govuk-list govuk-list--bullet\">\n");
        for (int year : years) {
            int rated = rows.stream().filter(r -> r.year() == year && r.measure().equals(NationalPicture.OVERALL)).findFirst()
                    .map(NationalPicture.Row::rated).orElse(0);
            html.append("<li>").append(year).append(": ").append(NationalPicture.goodOrBetter(rows, year, NationalPicture.OVERALL))
                    .append("% of the ").append(rated).append(rated == 1 ? " inspection" : " inspections")
                    .append(" published rated the service Good or better overall</li>\n");
        }
        html.append("</ul>\n<h2 class=\"govuk-heading-l\" id=\"overall\">Overall ratings</h2>\n<div class=\"portal-chart\">\n")
                .append(NationalPictureChart.svg(rows, years)).append("</div>\n")
                .append(distributionTable(rows, years, NationalPicture.OVERALL, "Overall ratings by year of publication", "overall-table"));
        html.append("<h2 class=\"govuk-heading-l\" id=\"standards\">Standard by standard</h2>\n");
        Map<String, String> measures = new LinkedHashMap<>();
        rows.stream().filter(r -> !r.measure().equals(NationalPicture.OVERALL)).forEach(r -> measures.putIfAbsent(r.measure(), r.measureName()));
        html.append("<table class=\"govuk-table\" id=\"good-or-better\">\n<caption class=\"govuk-table__caption govuk-table__caption--m\">")
                .append("Share of inspections rating the service Good or better, standard by standard</caption>\n<thead class=\"govuk-table__head\">")
                .append("<tr class=\"govuk-table__row\">").append(header("Standard"));
        years.forEach(y -> html.append("<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">").append(y).append("</th>"));
        html.append("</tr></thead>\n<tbody class=\"govuk-table__body\">\n");
        for (Map.Entry<String, String> measure : measures.entrySet()) {
            html.append("<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">")
                    .append(escape(measure.getKey() + " " + measure.getValue())).append("</th>");
            for (int year : years) {
                boolean rated = rows.stream().anyMatch(r -> r.year() == year && r.measure().equals(measure.getKey()));
                html.append("<td class=\"govuk-table__cell govuk-table__cell--numeric\">")
                        .append(rated ? NationalPicture.goodOrBetter(rows, year, measure.getKey()) + "%" : "Not rated").append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        for (Map.Entry<String, String> measure : measures.entrySet()) {
            html.append(distributionTable(rows, years, measure.getKey(), measure.getKey() + " " + measure.getValue() + ": ratings by year of publication",
                    "standard-" + measure.getKey().replaceAll("[^A-Za-z0-9]+", "-")));
        }
        html.append("<h2 class=\"govuk-heading-m\" id=\"open-data\">Open data</h2>\n<p class=\"govuk-body\">The same figures: ")
                .append("<a class=\"govuk-link\" href=\"/api/v1/national-picture.csv\">CSV</a>, ")
                .append("<a class=\"govuk-link\" href=\"/api/v1/national-picture.json\">JSON</a> (described in the ")
                .append("<a class=\"govuk-link\" href=\"/api/v1/openapi.yaml\">OpenAPI document</a>).</p>\n");
        return layout("The national picture", Section.NATIONAL_PICTURE, html.toString());
    }

    /** How many services were rated each way, one row a year, as counts and shares. */
    private static String distributionTable(List<NationalPicture.Row> rows, List<Integer> years, String measure, String caption, String id) {
        StringBuilder html = new StringBuilder("<table class=\"govuk-table\" id=\"").append(id).append("\">\n")
                .append("<caption class=\"govuk-table__caption govuk-table__caption--s\">").append(escape(caption))
                .append("</caption>\n<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">").append(header("Year"));
        NationalPicture.RATINGS.forEach(r -> html.append("<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">")
                .append(escape(r)).append("</th>"));
        html.append("<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Inspections rated</th></tr></thead>\n")
                .append("<tbody class=\"govuk-table__body\">\n");
        for (int year : years) {
            List<NationalPicture.Row> ofYear = rows.stream().filter(r -> r.year() == year && r.measure().equals(measure)).toList();
            if (ofYear.isEmpty()) {
                continue;
            }
            html.append("<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">").append(year).append("</th>");
            for (NationalPicture.Row row : ofYear) {
                html.append("<td class=\"govuk-table__cell govuk-table__cell--numeric\" data-rating=\"").append(escape(row.rating())).append("\">")
                        .append(row.count()).append(" (").append(row.percentage()).append("%)</td>");
            }
            html.append("<td class=\"govuk-table__cell govuk-table__cell--numeric\">").append(ofYear.get(0).rated()).append("</td></tr>\n");
        }
        return html.append("</tbody>\n</table>\n").toString();
    }

    static String accessibility() {
        String html = """
                <h1 class="govuk-heading-xl">Accessibility statement</h1>
                <p class="govuk-body">This statement covers the inspection portal: its pages, the published reports and improvement plans
                in every format, and its open data. We want as many people as possible to be able to use it: to change colours, contrast
                and fonts in the browser, to zoom in up to 400% without text spilling off the screen, to navigate it with a keyboard or
                speech recognition software, and to listen to it with a screen reader.</p>
                <h2 class="govuk-heading-l" id="how-accessible">How accessible this portal is</h2>
                <p class="govuk-body">The pages follow the GOV.UK Design System's markup, served from the portal itself. Every rating is
                written in words; colour only adds to them. Every chart has its figures in a table beside it. Reports have a contents list
                and "Back to top" links.</p>
                <p class="govuk-body">We know some parts are not fully accessible:</p>
                <ul class="govuk-list govuk-list--bullet">
                <li>PDF renditions are tagged (PDF/UA) but long tables can be hard to follow with some screen readers; every PDF has a web
                page with the same content.</li>
                <li>Reports published before the portal's contents lists were added keep their published form; their web page shows them
                with a contents list.</li>
                </ul>
                <h2 class="govuk-heading-l" id="feedback">Feedback and contact information</h2>
                <p class="govuk-body">If you need information on this portal in a different format, or find a problem not listed on this
                page, contact the inspectorate. We will consider your request and get back to you within 10 working days.</p>
                <h2 class="govuk-heading-l" id="enforcement">Enforcement procedure</h2>
                <p class="govuk-body">The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies
                (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the 'accessibility regulations'). If you are
                not happy with how we respond to your complaint, contact the Equality Advisory and Support Service (EASS).</p>
                <h2 class="govuk-heading-l" id="compliance">Compliance status</h2>
                <p class="govuk-body">This portal is partially compliant with the Web Content Accessibility Guidelines version 2.1 AA
                standard, due to the non-compliances listed above.</p>
                <h2 class="govuk-heading-l" id="testing">How we tested this portal</h2>
                <p class="govuk-body">Every page and every rendition is checked on each change, in a real browser (headless Chromium)
                with axe-core against WCAG 2.1 AA and best practice, and with the Nu HTML Checker; both must find nothing. People test
                it with a keyboard and a screen reader before each release.</p>
                """;
        return layout("Accessibility statement", Section.ACCESSIBILITY, html);
    }

    /** A page of the portal: GOV.UK Frontend's template, without the crown and GDS Transport, around {@code main}. */
    static String layout(String title, Section current, String main) {
        StringBuilder html = new StringBuilder(main.length() + 4_000);
        html.append("<!DOCTYPE html>\n<html lang=\"en-GB\" class=\"govuk-template\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>").append(escape(title)).append(" – ").append(SERVICE_NAME).append("</title>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<link rel=\"stylesheet\" href=\"/assets/govuk-frontend/govuk-frontend.min.css\">\n")
                .append("<link rel=\"stylesheet\" href=\"/assets/portal.css\">\n</head>\n")
                .append("<body class=\"govuk-template__body\">\n")
                .append("<a href=\"#main-content\" class=\"govuk-skip-link\">Skip to main content</a>\n")
                .append("<header class=\"portal-header\">\n<section aria-label=\"Service information\" class=\"govuk-service-navigation\">\n")
                .append("<div class=\"govuk-width-container\">\n<div class=\"govuk-service-navigation__container\">\n")
                .append("<span class=\"govuk-service-navigation__service-name\"><a href=\"/\" class=\"govuk-service-navigation__link\">")
                .append(SERVICE_NAME).append("</a></span>\n<nav aria-label=\"Menu\" class=\"govuk-service-navigation__wrapper\">\n")
                .append("<ul class=\"govuk-service-navigation__list\" id=\"navigation\">\n");
        for (Section section : Section.values()) {
            boolean active = section == current;
            html.append("<li class=\"govuk-service-navigation__item").append(active ? " govuk-service-navigation__item--active" : "")
                    .append("\"><a class=\"govuk-service-navigation__link\" href=\"").append(section.path).append("\"")
                    .append(active ? " aria-current=\"page\"" : "").append(">").append(section.label).append("</a></li>\n");
        }
        html.append("</ul>\n</nav>\n</div>\n</div>\n</section>\n</header>\n")
                .append("<div class=\"govuk-width-container\">\n<main class=\"govuk-main-wrapper\" id=\"main-content\">\n")
                .append(main)
                .append("</main>\n</div>\n<footer class=\"govuk-footer\">\n<div class=\"govuk-width-container\">\n<div class=\"govuk-footer__meta\">\n")
                .append("<div class=\"govuk-footer__meta-item govuk-footer__meta-item--grow\">\n<h2 class=\"govuk-visually-hidden\">Support links</h2>\n")
                .append("<ul class=\"govuk-footer__inline-list\">\n")
                .append("<li class=\"govuk-footer__inline-list-item\"><a class=\"govuk-footer__link\" href=\"/accessibility\">Accessibility statement</a></li>\n")
                .append("<li class=\"govuk-footer__inline-list-item\"><a class=\"govuk-footer__link\" href=\"/national-picture\">National picture</a></li>\n")
                .append("<li class=\"govuk-footer__inline-list-item\"><a class=\"govuk-footer__link\" href=\"/api/v1/openapi.yaml\">API (OpenAPI)</a></li>\n")
                .append("</ul>\n<p class=\"govuk-body-s\">Styled with GOV.UK Frontend (MIT licence), served by this portal.</p>\n")
                .append("</div>\n</div>\n</div>\n</footer>\n</body>\n</html>\n");
        return html.toString();
    }

    static String servicePage(ServiceOnRecord service) {
        return "/services/" + service.code();
    }

    private static String serviceLink(ServiceOnRecord service) {
        String name = escape(service.displayName());
        return service.name().isEmpty() ? name : "<a class=\"govuk-link\" href=\"" + servicePage(service) + "\">" + name + "</a>";
    }

    private static String reportPage(PublishedOutcome outcome) {
        return "/reports/" + outcome.publication();
    }

    /** An inspection as a column names it: when its fieldwork was, else when it was published. */
    private static String inspected(PublishedOutcome outcome) {
        return outcome.fieldworkStart().map(d -> "Inspected " + d.format(MONTH) + ", published " + day(outcome.published()))
                .orElse("Published " + day(outcome.published()));
    }

    private static String score(PublishedOutcome outcome) {
        return outcome.score() + "/" + outcome.maximumScore();
    }

    private static String fieldwork(PublishedOutcome outcome) {
        Optional<LocalDate> start = outcome.fieldworkStart();
        Optional<LocalDate> end = outcome.fieldworkEnd();
        if (start.isEmpty() || end.isEmpty()) {
            return "Not recorded";
        }
        return day(start.get()) + " to " + day(end.get());
    }

    static String day(LocalDate date) {
        return date.format(DAY);
    }

    private static String breadcrumbs(List<Map.Entry<String, String>> crumbs) {
        StringBuilder html = new StringBuilder("<nav class=\"govuk-breadcrumbs\" aria-label=\"Breadcrumb\">\n<ol class=\"govuk-breadcrumbs__list\">\n");
        crumbs.forEach(c -> html.append("<li class=\"govuk-breadcrumbs__list-item\"><a class=\"govuk-breadcrumbs__link\" href=\"")
                .append(c.getKey()).append("\">").append(escape(c.getValue())).append("</a></li>\n"));
        return html.append("</ol>\n</nav>\n").toString();
    }

    private static String summaryRow(String key, String value) {
        return "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">" + key + "</dt><dd class=\"govuk-summary-list__value\">"
                + value + "</dd></div>\n";
    }

    private static String option(String value, String label, String selected) {
        return "<option value=\"" + escape(value) + "\"" + (value.equals(selected) ? " selected" : "") + ">" + escape(label) + "</option>\n";
    }

    private static String header(String text) {
        return "<th scope=\"col\" class=\"govuk-table__header\">" + escape(text) + "</th>";
    }

    private static String cell(String html) {
        return "<td class=\"govuk-table__cell\">" + html + "</td>";
    }

    private static int byNumber(String a, String b) {
        return NationalPicture.compareStandards(a, b);
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
