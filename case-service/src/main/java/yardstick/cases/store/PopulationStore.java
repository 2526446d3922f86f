package yardstick.cases.store;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import yardstick.cases.domain.CaseCategory;
import yardstick.cases.domain.DisposalType;
import yardstick.cases.domain.EligibleCase;
import yardstick.cases.domain.EthnicityGroup;
import yardstick.cases.domain.Gender;
import yardstick.cases.domain.RiskLevel;

/** Inspections' eligible populations. A population is written whole, with PostgreSQL's COPY. */
@Singleton
public class PopulationStore {

    static final String COLUMNS = "inspection_id, reference, category, disposal_type, disposal_date, release_date, gender, age, "
            + "ethnicity, risk_of_serious_harm, safety_and_wellbeing, looked_after, case_manager";

    private final DataSource dataSource;

    PopulationStore(@Named("default") DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Replaces the inspection's population with these cases, in the caller's transaction. */
    @Transactional
    public void replace(UUID inspection, List<EligibleCase> cases) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement delete = connection.prepareStatement("delete from eligible_case where inspection_id = ?")) {
                delete.setObject(1, inspection);
                delete.executeUpdate();
            }
            StringBuilder rows = new StringBuilder(cases.size() * 120);
            for (EligibleCase eligible : cases) {
                appendRow(rows, inspection, eligible);
            }
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY eligible_case (" + COLUMNS + ") FROM STDIN", new StringReader(rows.toString()));
            // Statistics now, as PostgreSQL advises after a bulk load: until autovacuum's analyze, a minute or so later, the
            // planner takes a new population of 100,000 rows for one row, and the replacement's query for a profile's unsampled
            // cases ran as a nested loop over the whole population (288 ms, where it takes 5 ms planned on the statistics).
            // ANALYZE reads a sample of at most 30,000 rows, so it costs about the same for any population.
            try (PreparedStatement analyze = connection.prepareStatement("analyze eligible_case")) {
                analyze.execute();
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not store the population of inspection " + inspection, e);
        }
    }

    /** One row in COPY's text format. The fields are validated tokens and enum names: nothing to escape but tabs and backslashes. */
    static void appendRow(StringBuilder rows, UUID inspection, EligibleCase eligible) {
        rows.append(inspection).append('\t')
                .append(escape(eligible.reference())).append('\t')
                .append(eligible.category().name()).append('\t')
                .append(eligible.disposalType().name()).append('\t')
                .append(eligible.disposalDate()).append('\t')
                .append(eligible.releaseDate().map(Object::toString).orElse("\\N")).append('\t')
                .append(eligible.gender().name()).append('\t')
                .append(eligible.age()).append('\t')
                .append(eligible.ethnicity().name()).append('\t')
                .append(eligible.riskOfSeriousHarm().name()).append('\t')
                .append(eligible.safetyAndWellbeing().name()).append('\t')
                .append(eligible.lookedAfter() ? 't' : 'f').append('\t')
                .append(escape(eligible.caseManager())).append('\n');
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    @Transactional(readOnly = true)
    public List<EligibleCase> load(UUID inspection) {
        return select(inspection, "select " + COLUMNS + " from eligible_case where inspection_id = ? order by reference");
    }

    /** The cases of the inspection's sample as it stands (active sampled cases). */
    @Transactional(readOnly = true)
    public List<EligibleCase> loadSampled(UUID inspection) {
        return select(inspection, "select e.* from eligible_case e join sampled_case s on s.inspection_id = e.inspection_id "
                + "and s.reference = e.reference where e.inspection_id = ? and s.active order by e.reference");
    }

    /** The case, when it is in the inspection's sample as it stands (an active sampled case). */
    @Transactional(readOnly = true)
    public Optional<EligibleCase> loadSampled(UUID inspection, String reference) {
        return select(inspection, "select e.* from eligible_case e join sampled_case s on s.inspection_id = e.inspection_id "
                + "and s.reference = e.reference where e.inspection_id = ? and e.reference = ? and s.active", reference)
                .stream().findFirst();
    }

    /** Every case ever sampled (replaced ones too), read from the sample's own rows. */
    @Transactional(readOnly = true)
    public List<EligibleCase> loadEverSampled(UUID inspection) {
        return select(inspection, "select e.* from eligible_case e join sampled_case s on s.inspection_id = e.inspection_id "
                + "and s.reference = e.reference where e.inspection_id = ? order by e.reference");
    }

    /**
     * The cases of one category never sampled, with these classifications (any, where a value is
     * null): the candidates to replace a sampled case, read without the rest of the population.
     * Only the classifications given are in the query, each an equality, so that with all four
     * given it reads the profile's rows alone through the index {@code eligible_case_by_profile}
     * (a condition "value is null or column = value" would have PostgreSQL read the whole
     * inspection's population once it plans the statement generically).
     */
    @Transactional(readOnly = true)
    public List<EligibleCase> unsampled(UUID inspection, CaseCategory category, Gender gender, DisposalType type, RiskLevel harm,
                                        RiskLevel wellbeing) {
        StringBuilder sql = new StringBuilder("select e.* from eligible_case e where e.inspection_id = ? and e.category = ?");
        List<Object> values = new ArrayList<>(List.of(category.name()));
        String[] columns = {"gender", "disposal_type", "risk_of_serious_harm", "safety_and_wellbeing"};
        Enum<?>[] given = {gender, type, harm, wellbeing};
        for (int i = 0; i < columns.length; i++) {
            if (given[i] != null) {
                sql.append(" and e.").append(columns[i]).append(" = ?");
                values.add(given[i].name());
            }
        }
        sql.append(" and not exists (select 1 from sampled_case s where s.inspection_id = e.inspection_id and s.reference = e.reference)"
                + " order by e.reference");
        return select(inspection, sql.toString(), values.toArray());
    }

    private List<EligibleCase> select(UUID inspection, String sql, Object... more) {
        List<EligibleCase> cases = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, inspection);
            for (int i = 0; i < more.length; i++) {
                select.setObject(i + 2, more[i]);
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Date release = row.getDate("release_date");
                    cases.add(new EligibleCase(row.getString("reference"), CaseCategory.valueOf(row.getString("category")),
                            DisposalType.valueOf(row.getString("disposal_type")), row.getDate("disposal_date").toLocalDate(),
                            Optional.ofNullable(release).map(Date::toLocalDate), Gender.valueOf(row.getString("gender")),
                            row.getInt("age"), EthnicityGroup.valueOf(row.getString("ethnicity")),
                            RiskLevel.valueOf(row.getString("risk_of_serious_harm")),
                            RiskLevel.valueOf(row.getString("safety_and_wellbeing")), row.getBoolean("looked_after"),
                            row.getString("case_manager")));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the population of inspection " + inspection, e);
        }
        return cases;
    }
}
