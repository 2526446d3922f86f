package yardstick.cases.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * How one category's sample is set: the window of disposals (or releases) it is drawn from, the
 * recency share and its window, the confidence and margin of error, and the bounds. Defaults
 * follow Kent's and Harrow's Annexe 1 and the inspectorate's published bounds.
 */
public record CategorySettings(CaseCategory category, int windowMonths, int recentFromMonths, int recentToMonths, double recentShare,
                               double confidence, double marginOfError, int minimum, int maximum, SizeRule sizeRule) {

    /** How the size is set. */
    public enum SizeRule {
        /** The sample size formula on the category's own population. */
        FORMULA,
        /** Out-of-court: the court sample scaled by the out-of-court population's size against the court one's (Harrow, Annexe 1). */
        SHARE_OF_COURT
    }

    public static CategorySettings defaults(CaseCategory category) {
        return switch (category) {
            // Kent: 60 per cent of court cases from disposals six to nine months earlier.
            case COURT -> new CategorySettings(category, 12, 6, 9, 0.6, 0.8, 0.05, 14, 91, SizeRule.FORMULA);
            // Kent: 40 per cent of out-of-court cases from two to five months earlier.
            case OUT_OF_COURT -> new CategorySettings(category, 12, 2, 5, 0.4, 0.8, 0.05, 14, 91, SizeRule.FORMULA);
            // Released from custody four to twelve months before fieldwork; no recency share.
            case RESETTLEMENT -> new CategorySettings(category, 12, 4, 12, 0, 0.8, 0.05, 14, 91, SizeRule.FORMULA);
        };
    }

    public List<FieldProblem> problems(String prefix) {
        List<FieldProblem> problems = new ArrayList<>();
        if (windowMonths < 1 || windowMonths > 36) {
            problems.add(new FieldProblem(prefix + "window_months", "must be 1 to 36"));
        }
        if (recentFromMonths < 0 || recentToMonths <= recentFromMonths || recentToMonths > windowMonths) {
            problems.add(new FieldProblem(prefix + "recent_to_months", "the recency window must lie within the window, from before to"));
        }
        if (recentShare < 0 || recentShare > 1) {
            problems.add(new FieldProblem(prefix + "recent_share", "is a fraction from 0 to 1"));
        }
        if (!(confidence > 0 && confidence < 1)) {
            problems.add(new FieldProblem(prefix + "confidence", "is a fraction between 0 and 1, e.g. 0.8"));
        }
        if (!(marginOfError > 0 && marginOfError < 1)) {
            problems.add(new FieldProblem(prefix + "margin_of_error", "is a fraction between 0 and 1, e.g. 0.05 for a margin of 5"));
        }
        if (minimum < 1 || maximum < minimum) {
            problems.add(new FieldProblem(prefix + "maximum", "the bounds must satisfy 1 <= minimum <= maximum"));
        }
        if (sizeRule == SizeRule.SHARE_OF_COURT && category != CaseCategory.OUT_OF_COURT) {
            problems.add(new FieldProblem(prefix + "size_rule", "only the out-of-court sample is sized from the court one"));
        }
        return problems;
    }
}
