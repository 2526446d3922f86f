package yardstick.suite;

import com.google.type.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import yardstick.cases.v1.EligibleCase;
import yardstick.common.v1.CaseCategory;
import yardstick.common.v1.DisposalType;
import yardstick.common.v1.EthnicityGroup;
import yardstick.common.v1.Gender;
import yardstick.common.v1.RiskLevel;

/**
 * Made-up eligible populations with the caseload mix of the seeds' contextual facts (about half
 * court and half out-of-court disposals, mostly boys, referral orders and youth rehabilitation
 * orders, few custodial sentences), for demonstrations, tests and benchmarks. References are
 * pseudonymous (SYN-000001); no names.
 */
public final class SyntheticPopulation {

    private SyntheticPopulation() {
    }

    public static List<EligibleCase> cases(int size, long seed, LocalDate fieldworkStart) {
        Random random = new Random(seed);
        List<EligibleCase> cases = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            double kind = random.nextDouble();
            EligibleCase.Builder row = EligibleCase.newBuilder()
                    .setReference(String.format("SYN-%06d", i + 1))
                    .setGender(pick(random, new double[] {0.15, 0.84, 0.005, 0.005},
                            Gender.GENDER_FEMALE, Gender.GENDER_MALE, Gender.GENDER_OTHER, Gender.GENDER_NOT_KNOWN))
                    .setAge(10 + Math.min(8, (int) Math.round(Math.abs(random.nextGaussian() * 1.8) + 4)))
                    .setEthnicity(pick(random, new double[] {0.08, 0.12, 0.08, 0.68, 0.02, 0.02}, EthnicityGroup.ETHNICITY_GROUP_ASIAN,
                            EthnicityGroup.ETHNICITY_GROUP_BLACK, EthnicityGroup.ETHNICITY_GROUP_MIXED, EthnicityGroup.ETHNICITY_GROUP_WHITE,
                            EthnicityGroup.ETHNICITY_GROUP_OTHER, EthnicityGroup.ETHNICITY_GROUP_NOT_KNOWN))
                    .setRiskOfSeriousHarm(pick(random, new double[] {0.3, 0.45, 0.2, 0.05}, RiskLevel.RISK_LEVEL_LOW,
                            RiskLevel.RISK_LEVEL_MEDIUM, RiskLevel.RISK_LEVEL_HIGH, RiskLevel.RISK_LEVEL_VERY_HIGH))
                    .setSafetyAndWellbeing(pick(random, new double[] {0.25, 0.45, 0.25, 0.05}, RiskLevel.RISK_LEVEL_LOW,
                            RiskLevel.RISK_LEVEL_MEDIUM, RiskLevel.RISK_LEVEL_HIGH, RiskLevel.RISK_LEVEL_VERY_HIGH))
                    .setLookedAfter(random.nextInt(10) == 0)
                    .setCaseManager(String.format("CM-%03d", 1 + random.nextInt(30)));
            if (kind < 0.5) {
                row.setCategory(CaseCategory.CASE_CATEGORY_COURT)
                        .setDisposalType(pick(random, new double[] {0.45, 0.43, 0.06, 0.06}, DisposalType.DISPOSAL_TYPE_REFERRAL_ORDER,
                                DisposalType.DISPOSAL_TYPE_YOUTH_REHABILITATION_ORDER, DisposalType.DISPOSAL_TYPE_CUSTODIAL_SENTENCE,
                                DisposalType.DISPOSAL_TYPE_LICENCE))
                        .setDisposalDate(monthsBefore(fieldworkStart, random, 0.5, 6, 9));
            } else if (kind < 0.96) {
                row.setCategory(CaseCategory.CASE_CATEGORY_OUT_OF_COURT)
                        .setDisposalType(pick(random, new double[] {0.5, 0.3, 0.15, 0.05}, DisposalType.DISPOSAL_TYPE_COMMUNITY_RESOLUTION,
                                DisposalType.DISPOSAL_TYPE_YOUTH_CAUTION, DisposalType.DISPOSAL_TYPE_YOUTH_CONDITIONAL_CAUTION,
                                DisposalType.DISPOSAL_TYPE_OTHER_DIVERSION))
                        .setDisposalDate(monthsBefore(fieldworkStart, random, 0.5, 2, 5));
            } else {
                LocalDate release = fieldworkStart.minusMonths(4).minusDays(random.nextInt(240));
                row.setCategory(CaseCategory.CASE_CATEGORY_RESETTLEMENT)
                        .setDisposalType(DisposalType.DISPOSAL_TYPE_CUSTODIAL_SENTENCE)
                        .setDisposalDate(date(release.minusMonths(3 + random.nextInt(9))))
                        .setReleaseDate(date(release));
            }
            cases.add(row.build());
        }
        return cases;
    }

    /** A disposal date within the year before fieldwork, {@code recentShare} of them {@code from} to {@code to} months before. */
    private static Date monthsBefore(LocalDate fieldwork, Random random, double recentShare, int from, int to) {
        LocalDate date = random.nextDouble() < recentShare
                ? fieldwork.minusMonths(from).minusDays(random.nextInt(30 * (to - from) - 1))
                : fieldwork.minusDays(1 + random.nextInt(364));
        return date(date);
    }

    static Date date(LocalDate date) {
        return Date.newBuilder().setYear(date.getYear()).setMonth(date.getMonthValue()).setDay(date.getDayOfMonth()).build();
    }

    @SafeVarargs
    private static <T> T pick(Random random, double[] weights, T... values) {
        double r = random.nextDouble();
        double cumulative = 0;
        for (int i = 0; i < values.length; i++) {
            cumulative += weights[i];
            if (r < cumulative) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }
}
