package yardstick.reports.api;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import yardstick.reports.app.ReadingPortal;
import yardstick.reports.domain.NationalPicture;

/**
 * The national picture as open data: one row a year of publication, measure (the overall rating,
 * or a standard) and rating, with its count, how many were rated and the whole percentage. The
 * page {@code /national-picture} shows these same rows.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PortalOpenDataController {

    private final ReadingPortal portal;

    PortalOpenDataController(ReadingPortal portal) {
        this.portal = portal;
    }

    @Serdeable
    public record NationalPictureRow(int year, String measure, String measureName, String rating, int count, int rated, int percentage) {
    }

    @Get(uri = "/national-picture.json", produces = MediaType.APPLICATION_JSON)
    public List<NationalPictureRow> json() {
        return portal.nationalPicture(Instant.now()).stream().map(r -> new NationalPictureRow(r.year(), r.measure(), r.measureName(),
                r.rating(), r.count(), r.rated(), r.percentage())).toList();
    }

    @Get(uri = "/national-picture.csv", produces = "text/csv")
    public String csv() {
        StringBuilder csv = new StringBuilder("year,measure,measure_name,rating,count,rated,percentage\n");
        for (NationalPicture.Row row : portal.nationalPicture(Instant.now())) {
            csv.append(row.year()).append(',').append(field(row.measure())).append(',').append(field(row.measureName())).append(',')
                    .append(field(row.rating())).append(',').append(row.count()).append(',').append(row.rated()).append(',')
                    .append(row.percentage()).append('\n');
        }
        return csv.toString();
    }

    /** A CSV field (RFC 4180): quoted, its quotes doubled. */
    private static String field(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
