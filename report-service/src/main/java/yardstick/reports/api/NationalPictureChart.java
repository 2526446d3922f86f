package yardstick.reports.api;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import yardstick.reports.domain.NationalPicture;

/**
 * The national picture's chart: one bar a year, split by overall rating, each part labelled with
 * its count. An image to a screen reader, with a description saying the figures; the table
 * beside it holds the same figures to read. Colours have at least 3:1 contrast with the page and
 * their labels 4.5:1 with the colour; the legend names every rating in words.
 */
final class NationalPictureChart {

    private static final Map<String, String[]> COLOURS = Map.of(
            "Outstanding", new String[] {"#005a30", "#ffffff"},
            "Good", new String[] {"#1d70b8", "#ffffff"},
            "Requires improvement", new String[] {"#4c2c92", "#ffffff"},
            "Inadequate", new String[] {"#d4351c", "#ffffff"});
    private static final int LABELS = 70;
    private static final int BAR = 520;
    private static final int HEIGHT = 36;
    private static final int GAP = 16;

    private NationalPictureChart() {
    }

    static String svg(List<NationalPicture.Row> rows, List<Integer> years) {
        int legendTop = GAP + years.size() * (HEIGHT + GAP);
        int height = legendTop + 2 * 28 + GAP;
        StringBuilder svg = new StringBuilder()
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" viewBox=\"0 0 ").append(LABELS + BAR + 10).append(' ').append(height)
                .append("\" role=\"img\" aria-labelledby=\"chart-title chart-description\" class=\"portal-chart__svg\">\n")
                .append("<title id=\"chart-title\">Overall ratings by year of publication</title>\n")
                .append("<desc id=\"chart-description\">").append(description(rows, years)).append("</desc>\n");
        int y = GAP;
        for (int year : years) {
            List<NationalPicture.Row> ofYear = rows.stream().filter(r -> r.year() == year && r.measure().equals(NationalPicture.OVERALL)).toList();
            svg.append("<text x=\"0\" y=\"").append(y + HEIGHT / 2 + 6).append("\" font-family=\"Arial, sans-serif\" font-size=\"18\" fill=\"#0b0c0c\">")
                    .append(year).append("</text>\n");
            int rated = ofYear.isEmpty() ? 0 : ofYear.get(0).rated();
            double x = LABELS;
            for (NationalPicture.Row row : ofYear) {
                if (row.count() == 0) {
                    continue;
                }
                double width = (double) BAR * row.count() / rated;
                String[] colour = COLOURS.get(row.rating());
                svg.append(String.format(java.util.Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>\n",
                        x, y, width, HEIGHT, colour[0]));
                if (width >= 24) {
                    svg.append(String.format(java.util.Locale.ROOT,
                            "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-family=\"Arial, sans-serif\" font-size=\"16\" font-weight=\"bold\" fill=\"%s\">%d</text>\n",
                            x + width / 2, y + HEIGHT / 2 + 6, colour[1], row.count()));
                }
                x += width;
            }
            y += HEIGHT + GAP;
        }
        int x = LABELS;
        int line = legendTop;
        for (String rating : NationalPicture.RATINGS) {
            int width = 24 + rating.length() * 9 + 24;
            if (x + width > LABELS + BAR) {
                x = LABELS;
                line += 28;
            }
            svg.append("<rect x=\"").append(x).append("\" y=\"").append(line).append("\" width=\"18\" height=\"18\" fill=\"")
                    .append(COLOURS.get(rating)[0]).append("\"/>\n<text x=\"").append(x + 24).append("\" y=\"").append(line + 15)
                    .append("\" font-family=\"Arial, sans-serif\" font-size=\"16\" fill=\"#0b0c0c\">").append(rating).append("</text>\n");
            x += width;
        }
        return svg.append("</svg>\n").toString();
    }

    /** The chart's figures in words, year by year. */
    private static String description(List<NationalPicture.Row> rows, List<Integer> years) {
        return years.stream().map(year -> year + ": " + rows.stream()
                        .filter(r -> r.year() == year && r.measure().equals(NationalPicture.OVERALL))
                        .map(r -> r.rating() + " " + r.count()).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; ")) + ".";
    }
}
