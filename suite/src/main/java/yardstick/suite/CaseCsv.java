package yardstick.suite;

import com.google.type.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import yardstick.cases.v1.EligibleCase;
import yardstick.common.v1.CaseCategory;
import yardstick.common.v1.DisposalType;
import yardstick.common.v1.EthnicityGroup;
import yardstick.common.v1.Gender;
import yardstick.common.v1.RiskLevel;

/**
 * The CSV form of an eligible population: a header naming the columns below (any order), one
 * case per line, values as in the contract without their prefix in lower case (court,
 * youth_conditional_caution, very_high), dates as 2021-06-21, booleans true or false.
 * A value that cannot be read is sent as missing, so that case-service names the row and field.
 */
final class CaseCsv {

    static final List<String> COLUMNS = List.of("reference", "category", "disposal_type", "disposal_date", "release_date", "gender",
            "age", "ethnicity", "risk_of_serious_harm", "safety_and_wellbeing", "looked_after", "case_manager");

    private final int[] index = new int[COLUMNS.size()];

    private CaseCsv(String header) {
        List<String> names = List.of(header.trim().split(",", -1));
        for (int c = 0; c < COLUMNS.size(); c++) {
            index[c] = names.indexOf(COLUMNS.get(c));
            if (index[c] < 0 && !COLUMNS.get(c).equals("release_date")) {
                throw new IllegalArgumentException("the header has no column " + COLUMNS.get(c) + "; it needs " + COLUMNS);
            }
        }
    }

    static CaseCsv withHeader(String header) {
        return new CaseCsv(header);
    }

    EligibleCase parse(String line) {
        String[] fields = line.split(",", -1);
        EligibleCase.Builder row = EligibleCase.newBuilder()
                .setReference(field(fields, 0))
                .setCategory(constant(CaseCategory.class, "CASE_CATEGORY_", field(fields, 1)))
                .setDisposalType(constant(DisposalType.class, "DISPOSAL_TYPE_", field(fields, 2)))
                .setGender(constant(Gender.class, "GENDER_", field(fields, 5)))
                .setEthnicity(constant(EthnicityGroup.class, "ETHNICITY_GROUP_", field(fields, 7)))
                .setRiskOfSeriousHarm(constant(RiskLevel.class, "RISK_LEVEL_", field(fields, 8)))
                .setSafetyAndWellbeing(constant(RiskLevel.class, "RISK_LEVEL_", field(fields, 9)))
                .setLookedAfter(field(fields, 10).equalsIgnoreCase("true") || field(fields, 10).equalsIgnoreCase("yes"))
                .setCaseManager(field(fields, 11));
        date(field(fields, 3)).ifPresent(row::setDisposalDate);
        date(field(fields, 4)).ifPresent(row::setReleaseDate);
        try {
            row.setAge(Integer.parseInt(field(fields, 6)));
        } catch (NumberFormatException e) {
            row.setAge(0);
        }
        return row.build();
    }

    static String header() {
        return String.join(",", COLUMNS);
    }

    static String line(EligibleCase row) {
        List<String> values = new ArrayList<>();
        values.add(row.getReference());
        values.add(name(row.getCategory(), "CASE_CATEGORY_"));
        values.add(name(row.getDisposalType(), "DISPOSAL_TYPE_"));
        values.add(row.hasDisposalDate() ? date(row.getDisposalDate()) : "");
        values.add(row.hasReleaseDate() ? date(row.getReleaseDate()) : "");
        values.add(name(row.getGender(), "GENDER_"));
        values.add(String.valueOf(row.getAge()));
        values.add(name(row.getEthnicity(), "ETHNICITY_GROUP_"));
        values.add(name(row.getRiskOfSeriousHarm(), "RISK_LEVEL_"));
        values.add(name(row.getSafetyAndWellbeing(), "RISK_LEVEL_"));
        values.add(String.valueOf(row.getLookedAfter()));
        values.add(row.getCaseManager());
        return String.join(",", values);
    }

    private String field(String[] fields, int column) {
        int at = index[column];
        return at >= 0 && at < fields.length ? fields[at].trim() : "";
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String prefix, String value) {
        try {
            return Enum.valueOf(type, prefix + value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Enum.valueOf(type, prefix + "UNSPECIFIED");
        }
    }

    private static String name(Enum<?> value, String prefix) {
        return value.name().substring(prefix.length()).toLowerCase(Locale.ROOT);
    }

    private static java.util.Optional<Date> date(String value) {
        try {
            LocalDate date = LocalDate.parse(value);
            return java.util.Optional.of(Date.newBuilder().setYear(date.getYear()).setMonth(date.getMonthValue())
                    .setDay(date.getDayOfMonth()).build());
        } catch (java.time.format.DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    private static String date(Date date) {
        return LocalDate.of(date.getYear(), date.getMonth(), date.getDay()).toString();
    }
}
