package yardstick.reports.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import yardstick.platform.statistics.Percentages;

/**
 * The national picture, as the inspectorate's annual reports give it: across every current
 * publication, how many services were rated each way, overall and standard by standard, by the
 * year the report was first published; each count also as a whole percentage of those rated
 * (rounded half up, as the reports publish them). One row a year, measure and rating, every
 * rating listed even when none was given, so that the open data and the page agree line by line.
 */
public final class NationalPicture {

    /** Best first, as the reports list them. */
    public static final List<String> RATINGS = List.of("Outstanding", "Good", "Requires improvement", "Inadequate");
    public static final String OVERALL = "overall";

    /** One year's count of a rating for one measure (the overall rating, or a standard's), of all rated. */
    public record Row(int year, String measure, String measureName, String rating, int count, int rated, int percentage) {
    }

    private NationalPicture() {
    }

    public static List<Row> of(List<PublishedOutcome> outcomes) {
        TreeSet<Integer> years = new TreeSet<>();
        outcomes.forEach(o -> years.add(o.year()));
        // The measures in the order first met, standards by their number (1.1 ... 4.1), overall first.
        Map<String, String> measures = new LinkedHashMap<>();
        measures.put(OVERALL, "Overall rating");
        outcomes.stream().flatMap(o -> o.standards().stream())
                .sorted(Comparator.comparing(PublishedOutcome.StandardOutcome::standard, NationalPicture::compareStandards))
                .forEach(s -> measures.putIfAbsent(s.standard(), s.name()));
        List<Row> rows = new ArrayList<>();
        for (int year : years) {
            List<PublishedOutcome> ofYear = outcomes.stream().filter(o -> o.year() == year).toList();
            for (Map.Entry<String, String> measure : measures.entrySet()) {
                List<String> given = ofYear.stream().flatMap(o -> ratingOf(o, measure.getKey()).stream()).toList();
                if (given.isEmpty()) {
                    continue;
                }
                for (String rating : RATINGS) {
                    int count = (int) given.stream().filter(rating::equals).count();
                    rows.add(new Row(year, measure.getKey(), measure.getValue(), rating, count, given.size(),
                            Percentages.wholePercentage(count, given.size())));
                }
            }
        }
        return rows;
    }

    /** The share rated Good or better of a year's measure, from its rows: what the annual reports headline. */
    public static int goodOrBetter(List<Row> rows, int year, String measure) {
        int good = 0;
        int rated = 0;
        for (Row row : rows) {
            if (row.year() == year && row.measure().equals(measure)) {
                rated = row.rated();
                if (row.rating().equals("Outstanding") || row.rating().equals("Good")) {
                    good += row.count();
                }
            }
        }
        return rated == 0 ? 0 : Percentages.wholePercentage(good, rated);
    }

    private static java.util.Optional<String> ratingOf(PublishedOutcome outcome, String measure) {
        if (measure.equals(OVERALL)) {
            return RATINGS.contains(outcome.overall()) ? java.util.Optional.of(outcome.overall()) : java.util.Optional.empty();
        }
        return outcome.standards().stream().filter(s -> s.standard().equals(measure) && RATINGS.contains(s.rating()))
                .map(PublishedOutcome.StandardOutcome::rating).findFirst();
    }

    /** "1.2" before "1.10" before "2.1". */
    public static int compareStandards(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].chars().allMatch(Character::isDigit) && y[i].chars().allMatch(Character::isDigit)
                    ? Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i])) : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
