package yardstick.reports.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import yardstick.common.v1.Rating;
import yardstick.platform.testing.GrpcServiceTest;
import yardstick.reports.app.ReportRenditions;
import yardstick.reports.domain.PublishedRendition;
import yardstick.reports.domain.ServiceOnRecord;
import yardstick.reports.store.PublicationStore;
import yardstick.reports.store.ReportStore;
import yardstick.reports.store.ServiceRegisterCopy;
import yardstick.reports.v1.Report;

/**
 * The portal's pages, read back as a person's browser gets them: a front page listing each
 * service once with its latest rating, a service's page with its inspections over time, a
 * report's page with a contents list, the national picture agreeing with its open data, and no
 * resource name of the API's anywhere.
 */
@MicronautTest(transactional = false)
@Property(name = "yardstick.portal.register-copy", value = "false")
class PortalPagesTest extends GrpcServiceTest {

    private static final List<PublishedReports.Rated> RI_KENT = List.of(
            new PublishedReports.Rated("1.1", "Governance and leadership", 1, "Organisational delivery", Rating.RATING_GOOD),
            new PublishedReports.Rated("1.2", "Staff", 1, "Organisational delivery", Rating.RATING_REQUIRES_IMPROVEMENT),
            new PublishedReports.Rated("2.1", "Assessment", 2, "Court disposals", Rating.RATING_INADEQUATE));
    private static final List<PublishedReports.Rated> GOOD_KENT = List.of(
            new PublishedReports.Rated("1.1", "Governance and leadership", 1, "Organisational delivery", Rating.RATING_OUTSTANDING),
            new PublishedReports.Rated("1.2", "Staff", 1, "Organisational delivery", Rating.RATING_GOOD),
            new PublishedReports.Rated("2.1", "Assessment", 2, "Court disposals", Rating.RATING_REQUIRES_IMPROVEMENT));

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ReportStore reports;

    @Inject
    PublicationStore publications;

    @Inject
    ServiceRegisterCopy register;

    /** A service of its own for each test, registered, with two published inspections a year apart. */
    private record Kent(String code, String name, String earlier, String later) {
    }

    private Kent kentInspectedTwice(String name) {
        String code = "kent-" + UUID.randomUUID().toString().substring(0, 8);
        register.keep(List.of(new ServiceOnRecord("inspectedServices/" + code, name, List.of(), List.of("Kent County Council"), "South East")),
                Instant.now());
        String earlier = PublishedReports.publishRated(reports, publications, name, "inspectedServices/" + code,
                Instant.parse("2022-03-01T10:00:00Z"), LocalDate.of(2021, 6, 21), Rating.RATING_REQUIRES_IMPROVEMENT, RI_KENT);
        String later = PublishedReports.publishRated(reports, publications, name, "inspectedServices/" + code,
                Instant.parse("2023-03-01T10:00:00Z"), LocalDate.of(2022, 6, 20), Rating.RATING_GOOD, GOOD_KENT);
        return new Kent(code, name, id(earlier), id(later));
    }

    @Test
    void theFrontPageShowsEachServiceOnceWithItsLatestRatingScoreAndDates() {
        Kent kent = kentInspectedTwice("Kent Youth Justice Service " + UUID.randomUUID().toString().substring(0, 4));

        Document page = get("/");

        List<Element> rows = page.select("#services tbody tr").stream()
                .filter(row -> row.selectFirst("th") != null && row.selectFirst("th").text().equals(kent.name())).toList();
        assertEquals(1, rows.size(), "each service once");
        List<String> cells = rows.get(0).select("td").eachText();
        assertEquals("South East", cells.get(0));
        assertEquals("Good", cells.get(1), "the latest overall rating, in words");
        assertEquals("6/36", cells.get(2), "the latest score");
        assertEquals("20 June 2022 to 24 June 2022", cells.get(3), "the latest fieldwork");
        assertEquals("1 March 2023", cells.get(4), "the latest publication");
        assertEquals("/reports/" + kent.later(), rows.get(0).select("td a").get(0).attr("href"));
        assertEquals("/services/" + kent.code(), rows.get(0).selectFirst("th a").attr("href"));
    }

    @Test
    void theFrontPageFiltersByNameRegionAndRating() {
        Kent kent = kentInspectedTwice("Kent Youth Justice Service " + UUID.randomUUID().toString().substring(0, 4));

        assertEquals(List.of(kent.name()), serviceNames(get("/?name=" + kent.name().substring(27) + "&region=South+East&rating=Good")));
        assertTrue(serviceNames(get("/?name=" + kent.name().substring(27) + "&rating=Inadequate")).isEmpty());
        assertTrue(serviceNames(get("/?name=" + kent.name().substring(27) + "&region=London")).isEmpty());
    }

    @Test
    void aServiceWithTwoInspectionsShowsBothNewestFirstAndItsRatingsSideBySide() {
        Kent kent = kentInspectedTwice("Kent Youth Justice Service " + UUID.randomUUID().toString().substring(0, 4));

        Document page = get("/services/" + kent.code());

        assertEquals(kent.name(), page.selectFirst("h1").text());
        Element inspections = page.selectFirst("#inspections + table");
        assertEquals(List.of("1 March 2023", "1 March 2022"), inspections.select("tbody th").eachText());
        assertEquals(List.of("/reports/" + kent.later(), "/reports/" + kent.earlier()), inspections.select("tbody a").eachAttr("href"));
        Element sideBySide = page.selectFirst("#ratings + table");
        assertEquals(List.of("Standard", "Inspected June 2021, published 1 March 2022", "Inspected June 2022, published 1 March 2023"),
                sideBySide.select("thead th").eachText());
        assertEquals(List.of("1.2 Staff", "Requires improvement", "Good"), sideBySide.select("tbody tr").get(1).children().eachText());
    }

    @Test
    void aRenamedServiceShowsItsNameNowWithItsFormerNameAndKeepsItsInspections() {
        Kent kent = kentInspectedTwice("Kent Youth Offending Service " + UUID.randomUUID().toString().substring(0, 4));
        String renamed = "Kent Youth Justice Service " + UUID.randomUUID().toString().substring(0, 4);
        register.keep(List.of(new ServiceOnRecord("inspectedServices/" + kent.code(), renamed, List.of(kent.name()), List.of("Kent County Council"),
                "South East")), Instant.now());

        Document service = get("/services/" + kent.code());
        Document report = get("/reports/" + kent.later());

        assertEquals(renamed, service.selectFirst("h1").text());
        assertTrue(service.text().contains("Formerly known as " + kent.name()), service.text());
        assertEquals(2, service.select("#inspections + table tbody tr").size());
        assertTrue(report.text().contains("when the service was called " + kent.name() + "; it is now " + renamed), report.text());
    }

    @Test
    void aReportPagesContentsListLinksEverySectionAndEachHasAWayBackToTheTop() {
        Kent kent = kentInspectedTwice("Kent Youth Justice Service " + UUID.randomUUID().toString().substring(0, 4));

        Document page = get("/reports/" + kent.later());

        List<String> sections = new ArrayList<>();
        page.select("main h2[id], main h3[id]").forEach(h -> sections.add("#" + h.id()));
        sections.remove("#contents");
        assertTrue(sections.size() >= 8, sections.toString());
        assertEquals(sections, page.select("nav.contents a").eachAttr("href"), "the contents list links every section, in order");
        assertEquals(page.select("main h2[id]").size() - 1, page.select("a[href=\"#contents\"]").size(),
                "a back-to-top link closes every section");
        assertEquals(List.of("Outstanding", "Good", "Requires improvement", "6/36: Good"), page.select("#ratings + table tbody td").eachText(),
                "every rating in words");
    }

    @Test
    void noPublicPageNamesAResourceTheWayTheApiDoes() {
        Kent kent = kentInspectedTwice("Kent Youth Justice Service " + UUID.randomUUID().toString().substring(0, 4));

        for (String path : List.of("/", "/services/" + kent.code(), "/reports/" + kent.earlier(), "/reports/" + kent.later(),
                "/national-picture", "/accessibility")) {
            String html = http.toBlocking().retrieve(path);
            assertFalse(html.contains("inspections/"), path);
            assertFalse(html.contains("ratingSnapshots/"), path);
            assertFalse(html.contains("inspectedServices/"), path);
            assertFalse(html.contains("publications/"), path);
        }
    }

    @Test
    void theNationalPicturesFiguresAreThoseComputedFromItsOpenData() {
        kentInspectedTwice("Kent Youth Justice Service " + UUID.randomUUID().toString().substring(0, 4));
        kentInspectedTwice("Medway Youth Justice Service " + UUID.randomUUID().toString().substring(0, 4));

        String csv = http.toBlocking().retrieve("/api/v1/national-picture.csv");
        Document page = get("/national-picture");

        // From the open data alone: each year's count of each overall rating, and of all rated.
        Map<Integer, Map<String, Integer>> counts = new HashMap<>();
        List<String> lines = csv.lines().skip(1).toList();
        for (String line : lines) {
            List<String> fields = csvFields(line);
            if (fields.get(1).equals("overall")) {
                counts.computeIfAbsent(Integer.parseInt(fields.get(0)), y -> new HashMap<>()).put(fields.get(3), Integer.parseInt(fields.get(4)));
            }
        }
        assertTrue(counts.get(2022).get("Requires improvement") >= 2 && counts.get(2023).get("Good") >= 2, counts.toString());
        for (Element row : page.select("#overall-table tbody tr")) {
            int year = Integer.parseInt(row.selectFirst("th").text());
            Map<String, Integer> ofYear = counts.get(year);
            int rated = ofYear.values().stream().mapToInt(Integer::intValue).sum();
            for (Element cell : row.select("td[data-rating]")) {
                int count = ofYear.get(cell.attr("data-rating"));
                // A whole percentage, half up, worked out here from the counts.
                int percentage = (200 * count + rated) / (2 * rated);
                assertEquals(count + " (" + percentage + "%)", cell.text(), year + " " + cell.attr("data-rating"));
            }
            assertEquals(String.valueOf(rated), row.select("td").last().text());
        }
        assertEquals(counts.keySet().size(), page.select("#overall-table tbody tr").size());
        assertTrue(page.selectFirst("svg[role=img] desc").text().contains("2023: Outstanding " + counts.get(2023).getOrDefault("Outstanding", 0)
                + ", Good " + counts.get(2023).get("Good")));
        List<Map> json = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/national-picture.json"),
                io.micronaut.core.type.Argument.listOf(Map.class));
        assertEquals(lines.size(), json.size(), "the JSON has the CSV's rows");
    }

    @Test
    void eachRenditionOfAPublicationDownloadsAsPublishedWithItsHashForETag() {
        UUID report = UUID.randomUUID();
        UUID publication = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Report body = Report.newBuilder().setName("reports/" + report).setInspection("inspections/" + UUID.randomUUID())
                .setServiceInspected("Kent Youth Justice Service").setVersion(1).setPublished(true).build();
        reports.add(report, body.getInspection(), body.toByteArray(), "HMI-0001", now);
        Map<String, PublishedRendition> published = new HashMap<>();
        for (String[] format : List.of(new String[] {"html", "HTML", "text/html; charset=utf-8"},
                new String[] {"pdf", "PDF", "application/pdf"}, new String[] {"json", "JSON", "application/json"})) {
            byte[] content = ("the " + format[1] + " of " + publication).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            published.put(format[0], new PublishedRendition(format[1], format[2], ReportRenditions.sha256(content), content));
        }
        publications.add(new PublicationStore.PublicationRow(publication, report, 1, body.getInspection(), body.getServiceInspected(), now,
                java.util.Optional.empty(), java.util.Optional.empty(), "", body.toByteArray(), now), List.copyOf(published.values()), "publisher-1");

        published.forEach((format, rendition) -> {
            HttpResponse<byte[]> download = http.toBlocking().exchange("/api/v1/reports/" + publication + "/" + format, byte[].class);
            assertEquals(HttpStatus.OK, download.getStatus(), format);
            org.junit.jupiter.api.Assertions.assertArrayEquals(rendition.content(), download.body(), format + ": the stored rendition, and only it");
            assertEquals("\"" + rendition.sha256() + "\"", download.header(HttpHeaders.ETAG), format);
        });
    }

    @Test
    void pagesAnswerConditionalGets() {
        Kent kent = kentInspectedTwice("Kent Youth Justice Service " + UUID.randomUUID().toString().substring(0, 4));

        for (String path : List.of("/", "/services/" + kent.code(), "/reports/" + kent.later(), "/national-picture", "/accessibility")) {
            HttpResponse<String> first = http.toBlocking().exchange(path, String.class);
            String etag = first.header(HttpHeaders.ETAG);
            assertTrue(etag != null && etag.startsWith("W/\""), path);
            HttpResponse<String> again = http.toBlocking().exchange(HttpRequest.GET(path).header(HttpHeaders.IF_NONE_MATCH, etag), String.class);
            assertEquals(HttpStatus.NOT_MODIFIED, again.getStatus(), path);
        }
    }

    @Test
    void theStylesheetIsServedByThePortalItselfWithoutTheGovUkFont() {
        String css = http.toBlocking().retrieve("/assets/govuk-frontend/govuk-frontend.min.css");

        assertTrue(css.contains(".govuk-table"));
        assertFalse(css.contains("@font-face"), "GDS Transport is for GOV.UK only");
        assertTrue(http.toBlocking().retrieve("/assets/govuk-frontend/LICENSE.txt").contains("MIT"));
    }

    private Document get(String path) {
        return Jsoup.parse(http.toBlocking().retrieve(path));
    }

    private static List<String> serviceNames(Document page) {
        return page.select("#services tbody th").eachText();
    }

    private static String id(String publication) {
        return publication.substring("publications/".length());
    }

    /** The fields of one line of RFC 4180 CSV. */
    private static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
