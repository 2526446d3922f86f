package yardstick.cases.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A row of an import as given: any field may be missing. {@link #problems} says what is wrong
 * with it, field by field; {@link #toCase} makes the eligible case of a row without problems.
 */
public record CaseDraft(String reference, CaseCategory category, DisposalType disposalType, LocalDate disposalDate,
                        LocalDate releaseDate, Gender gender, Integer age, EthnicityGroup ethnicity, RiskLevel riskOfSeriousHarm,
                        RiskLevel safetyAndWellbeing, boolean lookedAfter, String caseManager) {

    /** Children the youth justice system deals with are 10 to 17 at the offence; a disposal can follow into early adulthood. */
    public static final int YOUNGEST = 10;
    public static final int OLDEST = 21;

    public List<FieldProblem> problems(String prefix) {
        List<FieldProblem> problems = new ArrayList<>();
        References.problem(reference).ifPresent(p -> problems.add(new FieldProblem(prefix + "reference", p)));
        if (category == null) {
            problems.add(new FieldProblem(prefix + "category", "is required: court, out_of_court or resettlement"));
        }
        if (disposalType == null) {
            problems.add(new FieldProblem(prefix + "disposal_type", "is required"));
        } else if (category != null && !disposalType.belongsTo(category)) {
            problems.add(new FieldProblem(prefix + "disposal_type", disposalType + " is not a disposal of a " + category + " case"));
        }
        if (disposalDate == null) {
            problems.add(new FieldProblem(prefix + "disposal_date", "is required: a valid date"));
        }
        if (category == CaseCategory.RESETTLEMENT && releaseDate == null) {
            problems.add(new FieldProblem(prefix + "release_date", "is required for a resettlement case"));
        }
        if (releaseDate != null && disposalDate != null && releaseDate.isBefore(disposalDate)) {
            problems.add(new FieldProblem(prefix + "release_date", "is before the disposal date"));
        }
        if (gender == null) {
            problems.add(new FieldProblem(prefix + "gender", "is required (not_known where it is not known)"));
        }
        if (age == null || age < YOUNGEST || age > OLDEST) {
            problems.add(new FieldProblem(prefix + "age", "must be " + YOUNGEST + " to " + OLDEST + ", not " + age));
        }
        if (ethnicity == null) {
            problems.add(new FieldProblem(prefix + "ethnicity", "is required (not_known where it is not known)"));
        }
        if (riskOfSeriousHarm == null) {
            problems.add(new FieldProblem(prefix + "risk_of_serious_harm", "is required: low, medium, high or very_high"));
        }
        if (safetyAndWellbeing == null) {
            problems.add(new FieldProblem(prefix + "safety_and_wellbeing", "is required: low, medium, high or very_high"));
        }
        References.problem(caseManager).ifPresent(p -> problems.add(new FieldProblem(prefix + "case_manager", p)));
        return problems;
    }

    public EligibleCase toCase() {
        return new EligibleCase(reference, category, disposalType, disposalDate, Optional.ofNullable(releaseDate), gender, age,
                ethnicity, riskOfSeriousHarm, safetyAndWellbeing, lookedAfter, caseManager);
    }
}
