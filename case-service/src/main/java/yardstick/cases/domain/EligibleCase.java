package yardstick.cases.domain;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A case of the inspected service's that the inspection may look at, known only by a
 * pseudonymous reference.
 */
public record EligibleCase(String reference, CaseCategory category, DisposalType disposalType, LocalDate disposalDate,
                           Optional<LocalDate> releaseDate, Gender gender, int age, EthnicityGroup ethnicity,
                           RiskLevel riskOfSeriousHarm, RiskLevel safetyAndWellbeing, boolean lookedAfter, String caseManager) {
}
