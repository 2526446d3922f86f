package yardstick.cases.domain;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * What the draw knows of a case: its category in each classification Annexe 1 balances on
 * (gender, disposal type, risk of serious harm, safety and wellbeing) and whether it falls in the
 * recency window. Cases with the same profile are interchangeable to the design: they have the
 * same inclusion probability, and a replacement keeps the design by coming from the same profile.
 */
public record Profile(Gender gender, DisposalType disposalType, RiskLevel riskOfSeriousHarm, RiskLevel safetyAndWellbeing,
                      boolean recent) {

    /** The classification of the recency window, beside the four of {@link Margin}. */
    public static final String RECENCY = "RECENCY";
    public static final String RECENT = "RECENT";
    public static final String EARLIER = "EARLIER";
    /** Every classification the sample is balanced on, the recency share last. */
    public static final List<String> CLASSIFICATIONS = List.of(Margin.GENDER.name(), Margin.DISPOSAL_TYPE.name(),
            Margin.RISK_OF_SERIOUS_HARM.name(), Margin.SAFETY_AND_WELLBEING.name(), RECENCY);

    public static Profile of(EligibleCase eligible, Predicate<EligibleCase> recent) {
        return new Profile(eligible.gender(), eligible.disposalType(), eligible.riskOfSeriousHarm(), eligible.safetyAndWellbeing(),
                recent.test(eligible));
    }

    /** The profile's category in one of {@link #CLASSIFICATIONS}, for example "FEMALE" in "GENDER". */
    public String category(String classification) {
        if (classification.equals(RECENCY)) {
            return recent ? RECENT : EARLIER;
        }
        return switch (Margin.valueOf(classification)) {
            case GENDER -> gender.name();
            case DISPOSAL_TYPE -> disposalType.name();
            case RISK_OF_SERIOUS_HARM -> riskOfSeriousHarm.name();
            case SAFETY_AND_WELLBEING -> safetyAndWellbeing.name();
        };
    }

    /** The categories a classification has, in their order. */
    public static List<String> categories(String classification) {
        return classification.equals(RECENCY) ? List.of(RECENT, EARLIER) : Margin.valueOf(classification).categories();
    }

    /** As stored with a sampled case, for example "FEMALE/LICENCE/HIGH/MEDIUM/RECENT". */
    public String key() {
        return String.join("/", gender.name(), disposalType.name(), riskOfSeriousHarm.name(), safetyAndWellbeing.name(),
                recent ? RECENT : EARLIER);
    }

    public static Profile parse(String key) {
        String[] parts = key.split("/", -1);
        if (parts.length != 5) {
            throw new IllegalArgumentException("not a profile: " + key);
        }
        return new Profile(Gender.valueOf(parts[0]), DisposalType.valueOf(parts[1]), RiskLevel.valueOf(parts[2]),
                RiskLevel.valueOf(parts[3]), parts[4].equals(RECENT));
    }

    /** In words, for a replacement's record: "female, licence, risk of serious harm high, safety and wellbeing medium, recent". */
    public String describe() {
        return String.join(", ", words(gender), words(disposalType), "risk of serious harm " + words(riskOfSeriousHarm),
                "safety and wellbeing " + words(safetyAndWellbeing), recent ? "in the recency window" : "before the recency window");
    }

    private static String words(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
