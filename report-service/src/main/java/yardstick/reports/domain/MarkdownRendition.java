package yardstick.reports.domain;

import java.util.Locale;

/** The report as Markdown, for authors' review: the same figures as the HTML, in GitHub-flavoured tables. */
public final class MarkdownRendition {

    private MarkdownRendition() {
    }

    public static String render(ReportDocument report) {
        StringBuilder md = new StringBuilder(8_000);
        md.append("# ").append(report.title()).append("\n\n")
                .append("_Draft. Figures from ").append(report.ratingsSnapshot()).append("._\n\n")
                .append("## Ratings\n\n| Standard | Rating |\n|---|---|\n");
        for (ReportDocument.RatingRow row : report.ratings()) {
            md.append("| ").append(cell(row.standard() + " " + row.name())).append(" | ").append(row.rating()).append(" |\n");
        }
        md.append("| Overall | ").append(report.score()).append("/").append(report.maximumScore()).append(": ")
                .append(report.overall()).append(" |\n\n");
        if (!report.resettlement().isEmpty()) {
            md.append("Resettlement, rated separately: ").append(report.resettlement()).append("\n\n");
        }
        int domain = -1;
        for (ReportDocument.Section section : report.sections()) {
            if (section.domainNumber() != domain) {
                domain = section.domainNumber();
                md.append("## ").append(domain).append(". ").append(section.domainName()).append("\n\n");
            }
            md.append("### ").append(section.standard()).append(" ").append(section.name()).append("\n\n")
                    .append("Rating: **").append(section.rating()).append("**\n\n");
            if (section.caseBased()) {
                md.append("| Key question | % yes |\n|---|---|\n");
                for (ReportDocument.KeyQuestionRow row : section.keyQuestions()) {
                    String percentage = row.percentage() == null ? "not applicable" : row.percentage() + "%";
                    md.append("| ").append(cell(row.text())).append(" | ").append(row.lowest() ? "**" + percentage + "**" : percentage)
                            .append(" |\n");
                }
                md.append('\n');
                if (!section.discretionNote().isEmpty()) {
                    md.append(section.discretionNote()).append("\n\n");
                }
            } else if (!section.rationale().isEmpty()) {
                md.append(section.rationale()).append("\n\n");
            }
        }
        md.append("## Annexe 1: Methodology\n\n| Cases | Eligible | Sampled | Confidence | Margin of error | Recent share |\n|---|---|---|---|---|---|\n");
        for (ReportDocument.SampleFacts facts : report.methodology()) {
            md.append("| ").append(facts.category()).append(" | ").append(facts.population()).append(" | ").append(facts.size())
                    .append(" | ").append(facts.confidencePercent()).append("% | ")
                    .append(String.format(Locale.ROOT, "%.1f", facts.marginAchieved())).append(" (planned ")
                    .append(String.format(Locale.ROOT, "%.0f", facts.marginOfError() * 100)).append(") | ")
                    .append(facts.recentSharePercent()).append("% from ").append(facts.recentFromMonths()).append(" to ")
                    .append(facts.recentToMonths()).append(" months before fieldwork |\n");
        }
        return md.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
