package yardstick.cases.domain;

import java.util.List;
import java.util.function.Function;

/**
 * A classification the sample must mirror the eligible population on (Annexe 1: "the ratios in
 * relation to gender, sentence or disposal type, risk of serious harm, and risk to safety and
 * wellbeing classifications matched those in the eligible population").
 */
public enum Margin {
    GENDER(c -> c.gender().name(), names(Gender.values())),
    DISPOSAL_TYPE(c -> c.disposalType().name(), names(DisposalType.values())),
    RISK_OF_SERIOUS_HARM(c -> c.riskOfSeriousHarm().name(), names(RiskLevel.values())),
    SAFETY_AND_WELLBEING(c -> c.safetyAndWellbeing().name(), names(RiskLevel.values()));

    private final Function<EligibleCase, String> classify;
    private final List<String> categories;

    Margin(Function<EligibleCase, String> classify, List<String> categories) {
        this.classify = classify;
        this.categories = categories;
    }

    public String of(EligibleCase eligibleCase) {
        return classify.apply(eligibleCase);
    }

    public List<String> categories() {
        return categories;
    }

    private static List<String> names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).toList();
    }
}
