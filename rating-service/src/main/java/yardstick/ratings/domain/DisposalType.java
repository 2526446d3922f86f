package yardstick.ratings.domain;

/** The sentence or outcome a child received. */
public enum DisposalType {
    REFERRAL_ORDER,
    YOUTH_REHABILITATION_ORDER,
    CUSTODIAL_SENTENCE,
    LICENCE,
    COMMUNITY_RESOLUTION,
    YOUTH_CAUTION,
    YOUTH_CONDITIONAL_CAUTION,
    OTHER_DIVERSION
}
