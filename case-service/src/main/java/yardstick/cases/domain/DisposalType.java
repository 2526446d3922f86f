package yardstick.cases.domain;

import java.util.Set;

/** The sentence or outcome a child received, and the categories it can be sampled in. */
public enum DisposalType {
    REFERRAL_ORDER(CaseCategory.COURT),
    YOUTH_REHABILITATION_ORDER(CaseCategory.COURT),
    CUSTODIAL_SENTENCE(CaseCategory.COURT, CaseCategory.RESETTLEMENT),
    LICENCE(CaseCategory.COURT, CaseCategory.RESETTLEMENT),
    COMMUNITY_RESOLUTION(CaseCategory.OUT_OF_COURT),
    YOUTH_CAUTION(CaseCategory.OUT_OF_COURT),
    YOUTH_CONDITIONAL_CAUTION(CaseCategory.OUT_OF_COURT),
    OTHER_DIVERSION(CaseCategory.OUT_OF_COURT);

    private final Set<CaseCategory> categories;

    DisposalType(CaseCategory... categories) {
        this.categories = Set.of(categories);
    }

    public boolean belongsTo(CaseCategory category) {
        return categories.contains(category);
    }
}
