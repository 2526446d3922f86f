package yardstick.cases.api;

import yardstick.cases.domain.CaseCategory;
import yardstick.cases.domain.CaseDraft;
import yardstick.cases.domain.DisposalType;
import yardstick.cases.domain.EthnicityGroup;
import yardstick.cases.domain.Gender;
import yardstick.cases.domain.PopulationSummary;
import yardstick.cases.domain.RiskLevel;
import yardstick.cases.v1.ClassificationCount;
import yardstick.cases.v1.EligibleCase;

/** Translates populations between their protobuf messages and the domain. */
final class PopulationMessages {

    private PopulationMessages() {
    }

    static CaseDraft draft(EligibleCase message) {
        return new CaseDraft(message.getReference(),
                constant(CaseCategory.class, message.getCategory(), "CASE_CATEGORY_"),
                constant(DisposalType.class, message.getDisposalType(), "DISPOSAL_TYPE_"),
                message.hasDisposalDate() ? InspectionMessages.date(message.getDisposalDate()) : null,
                message.hasReleaseDate() ? InspectionMessages.date(message.getReleaseDate()) : null,
                constant(Gender.class, message.getGender(), "GENDER_"),
                message.getAge(),
                constant(EthnicityGroup.class, message.getEthnicity(), "ETHNICITY_GROUP_"),
                constant(RiskLevel.class, message.getRiskOfSeriousHarm(), "RISK_LEVEL_"),
                constant(RiskLevel.class, message.getSafetyAndWellbeing(), "RISK_LEVEL_"),
                message.getLookedAfter(),
                message.getCaseManager());
    }

    static yardstick.cases.v1.PopulationSummary summary(PopulationSummary summary) {
        yardstick.cases.v1.PopulationSummary.Builder message = yardstick.cases.v1.PopulationSummary.newBuilder().setTotal(summary.total());
        for (PopulationSummary.Count count : summary.counts()) {
            message.addCounts(ClassificationCount.newBuilder()
                    .setClassification(count.classification())
                    .setCategory(count.category())
                    .setCount(count.count()));
        }
        return message.build();
    }

    /** The domain constant named like the protobuf one without its prefix, or null for unspecified and unknown values. */
    static <E extends Enum<E>> E constant(Class<E> type, Enum<?> message, String prefix) {
        String name = message.name();
        if (!name.startsWith(prefix) || name.endsWith("_UNSPECIFIED")) {
            return null;
        }
        try {
            return Enum.valueOf(type, name.substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
