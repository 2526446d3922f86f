package yardstick.reports.domain;

import java.util.Locale;

/** The report as Markdown, for authors' review: the same words and figures as the HTML, in GitHub-flavoured tables. */
public final class MarkdownRendition {

    private MarkdownRendition() {
    }

    public static String render(ReportDocument report) {
        StringBuilder md = new StringBuilder(32_000);
        md.append("# ").append(MarkdownText.inline(report.title())).append("\n\n");
        ReportDocument.Status status = report.status();
        md.append(status.published() ? "_Published: version " + status.version() + "._"
                : "_Draft, version " + status.version() + ", not published._").append("\n\n");
        if (!status.correctionNote().isEmpty()) {
            md.append("**Correction:** ").append(MarkdownText.inline(status.correctionNote())).append("\n\n");
        }
        md.append("## Ratings\n\n| Standard | Rating |\n|---|---|\n");
        for (ReportDocument.RatingRow row : report.ratings()) {
            md.append("| ").append(cell(row.standard() + " " + row.name())).append(" | ").append(row.rating()).append(" |\n");
        }
        md.append("| Overall | ").append(report.score()).append("/").append(report.maximumScore()).append(": ")
                .append(report.overall()).append(" |\n\n");
        if (!report.resettlement().isEmpty()) {
            md.append("Resettlement, rated separately: ").append(report.resettlement()).append("\n\n");
        }
        for (ReportDocument.RatingRow standard : report.notRated()) {
            md.append(MarkdownText.inline(ReportDocument.notRatedBecause(standard))).append("\n\n");
        }
        md.append("## Executive summary\n\n");
        prose(report.executiveSummary(), "The executive summary is not written yet.", md);
        md.append("## Recommendations\n\n");
        if (report.recommendations().isEmpty()) {
            md.append("The recommendations are not written yet.\n\n");
        }
        String addressedTo = null;
        for (ReportDocument.Recommendation recommendation : report.recommendations()) {
            if (!recommendation.addressedTo().equals(addressedTo)) {
                if (addressedTo != null) {
                    md.append('\n');
                }
                addressedTo = recommendation.addressedTo();
                md.append(MarkdownText.inline(Words.capitalised(addressedTo))).append(" should make sure that:\n\n");
            }
            md.append(recommendation.number()).append(". ").append(MarkdownText.inline(recommendation.text())).append('\n');
        }
        if (!report.recommendations().isEmpty()) {
            md.append('\n');
        }
        md.append("## Background\n\n");
        prose(report.background(), "The background is not written yet.", md);
        if (!report.contextualFacts().isEmpty()) {
            md.append("### Contextual facts\n\n");
            String classification = null;
            for (ContextualFacts.Fact fact : report.contextualFacts()) {
                if (!fact.classification().equals(classification)) {
                    classification = fact.classification();
                    String name = ReportDocument.classificationName(classification);
                    md.append(classification.equals(report.contextualFacts().get(0).classification()) ? "" : "\n")
                            .append("The eligible population by ").append(name).append(":\n\n| ")
                            .append(Words.capitalised(name)).append(" | Cases | % |\n|---|---:|---:|\n");
                }
                md.append("| ").append(cell(fact.category())).append(" | ").append(fact.count()).append(" | ").append(fact.percentage())
                        .append("% |\n");
            }
            md.append('\n');
        }
        int domain = -1;
        for (ReportDocument.Section section : report.sections()) {
            if (section.domainNumber() != domain) {
                domain = section.domainNumber();
                md.append("## ").append(domain).append(". ").append(section.domainName()).append("\n\n");
            }
            md.append("### ").append(section.standard()).append(" ").append(MarkdownText.inline(section.name())).append("\n\n")
                    .append("Rating: **").append(section.rating()).append("**\n\n");
            if (section.caseBased()) {
                md.append("| Key question | % yes |\n|---|---|\n");
                for (ReportDocument.KeyQuestionRow row : section.keyQuestions()) {
                    String percentage = HtmlRendition.percentage(row.percentage());
                    md.append("| ").append(cell(row.text())).append(" | ").append(row.lowest() ? "**" + percentage + "**" : percentage)
                            .append(" |\n");
                }
                md.append('\n');
                if (!section.discretionNote().isEmpty()) {
                    md.append(MarkdownText.inline(section.discretionNote())).append("\n\n");
                }
            } else {
                if (!section.questions().isEmpty()) {
                    md.append("Judged against the key questions:\n\n");
                    section.questions().forEach(q -> md.append("- ").append(MarkdownText.inline(q)).append('\n'));
                    md.append('\n');
                }
                if (!section.rationale().isEmpty()) {
                    md.append(MarkdownText.inline(section.rationale())).append("\n\n");
                }
            }
            ReportDocument.paragraphs(section.narrative()).forEach(p -> md.append(MarkdownText.inline(p)).append("\n\n"));
        }
        methodology(report, md);
        md.append("## Annexe 2: Inspection data\n\n");
        for (ReportDocument.Section section : report.sections()) {
            if (!section.caseBased()) {
                continue;
            }
            md.append("### ").append(section.standard()).append(" ").append(MarkdownText.inline(section.name()))
                    .append(": key questions and prompts\n\n");
            for (ReportDocument.KeyQuestionRow row : section.keyQuestions()) {
                md.append("| ").append(row.id()).append(" | % yes |\n|---|---|\n| **").append(cell(row.text())).append("** | **")
                        .append(HtmlRendition.percentage(row.percentage())).append("** |\n");
                for (ReportDocument.PromptRow prompt : row.prompts()) {
                    md.append("| ").append(prompt.letter()).append(". ").append(cell(prompt.text())).append(" | ")
                            .append(HtmlRendition.percentage(prompt.percentage())).append(" |\n");
                }
                md.append('\n');
            }
        }
        return md.toString();
    }

    private static void methodology(ReportDocument report, StringBuilder md) {
        md.append("## Annexe 1: Methodology\n\n| Cases | Eligible | Sampled | Confidence | Margin of error | Recent share |\n|---|---|---|---|---|---|\n");
        for (ReportDocument.SampleFacts facts : report.methodology()) {
            md.append("| ").append(facts.category()).append(" | ").append(facts.population()).append(" | ").append(facts.size())
                    .append(" | ").append(facts.confidencePercent()).append("% | ")
                    .append(String.format(Locale.ROOT, "%.1f", facts.marginAchieved())).append(" (planned ")
                    .append(String.format(Locale.ROOT, "%.0f", facts.marginOfError() * 100)).append(") | ")
                    .append(facts.recentSharePercent()).append("% from ").append(facts.recentFromMonths()).append(" to ")
                    .append(facts.recentToMonths()).append(" months before fieldwork |\n");
        }
        md.append('\n');
        md.append("Each sample's categories were drawn in proportion to the eligible population by gender, disposal type, risk of "
                + "serious harm and safety and wellbeing classification.\n\n");
        for (ReportDocument.SampleFacts facts : report.methodology()) {
            if (!facts.drawStatement().isEmpty()) {
                md.append(MarkdownText.inline(facts.drawStatement())).append("\n\n");
            }
        }
        if (!report.subSamples().isEmpty()) {
            md.append("### Sub-samples\n\n| Key question | Cases | Margin of error |\n|---|---|---|\n");
            for (ReportDocument.SubSample sub : report.subSamples()) {
                md.append("| ").append(cell(sub.standard() + " " + sub.text())).append(" | ").append(sub.cases()).append(" of ")
                        .append(sub.sampleSize()).append(" | ").append(String.format(Locale.ROOT, "%.1f", sub.marginOfError())).append(" |\n");
            }
            md.append('\n');
        }
        md.append("### Professional discretion\n\n");
        if (report.discretionApplied().isEmpty()) {
            md.append("The ratings panel did not use professional discretion.\n\n");
        }
        for (ReportDocument.Section section : report.discretionApplied()) {
            md.append("- ").append(section.standard()).append(" ").append(MarkdownText.inline(section.name() + ": " + section.discretionNote()))
                    .append('\n');
        }
        if (!report.discretionApplied().isEmpty()) {
            md.append('\n');
        }
    }

    private static void prose(String text, String missing, StringBuilder md) {
        var paragraphs = ReportDocument.paragraphs(text);
        if (paragraphs.isEmpty()) {
            md.append(missing).append("\n\n");
        }
        paragraphs.forEach(p -> md.append(MarkdownText.inline(p)).append("\n\n"));
    }

    private static String cell(String text) {
        return MarkdownText.cell(text);
    }
}
