package yardstick.cases.store;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import yardstick.platform.store.Jdbc;
import yardstick.cases.domain.CaseCategory;
import yardstick.cases.domain.CategoryDraw;
import yardstick.cases.domain.CategorySettings;
import yardstick.cases.domain.LoosenedBound;
import yardstick.cases.domain.Profile;
import yardstick.cases.domain.SampleDesign;
import yardstick.cases.domain.SampledCase;

/** Sampling settings, draws and sampled cases, in case-service's database. */
@Singleton
public class SampleStore {

    /** A case to add to the sample: its reference, inclusion probability and profile. */
    public record Taken(String reference, double inclusionProbability, Profile profile) {
    }

    private final Jdbc jdbc;

    SampleStore(@Named("default") DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Takes the inspection's row lock, so that plans, draws, imports and replacements of one inspection happen one at a time. */
    @Transactional
    public void lock(UUID inspection) {
        jdbc.execute("select 1 from inspection where id = ? for update", inspection);
    }

    /** Takes the row lock of an active sampled case, so that its judgements change one at a time; false when it is not in the sample. */
    @Transactional
    public boolean lockSampledCase(UUID inspection, String reference) {
        return !jdbc.query("select 1 from sampled_case where inspection_id = ? and reference = ? and active for update", row -> 1,
                inspection, reference).isEmpty();
    }

    @Transactional
    public boolean drawn(UUID inspection) {
        return !jdbc.query("select 1 from sample_draw where inspection_id = ?", row -> 1, inspection).isEmpty();
    }

    @Transactional
    public void saveSettings(UUID inspection, List<CategorySettings> settings) {
        jdbc.execute("delete from sample_settings where inspection_id = ?", inspection);
        for (CategorySettings s : settings) {
            jdbc.execute("insert into sample_settings (inspection_id, category, window_months, recent_from_months, recent_to_months, "
                            + "recent_share, confidence, margin_of_error, minimum, maximum, size_rule) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    inspection, s.category().name(), s.windowMonths(), s.recentFromMonths(), s.recentToMonths(), s.recentShare(),
                    s.confidence(), s.marginOfError(), s.minimum(), s.maximum(), s.sizeRule().name());
        }
    }

    /** The settings stored, by category; empty when no plan was made. */
    @Transactional(readOnly = true)
    public Optional<Map<CaseCategory, CategorySettings>> settings(UUID inspection) {
        Map<CaseCategory, CategorySettings> settings = new EnumMap<>(CaseCategory.class);
        jdbc.query("select * from sample_settings where inspection_id = ?", row -> new CategorySettings(
                CaseCategory.valueOf(row.getString("category")), row.getInt("window_months"), row.getInt("recent_from_months"),
                row.getInt("recent_to_months"), row.getDouble("recent_share"), row.getDouble("confidence"), row.getDouble("margin_of_error"),
                row.getInt("minimum"), row.getInt("maximum"), CategorySettings.SizeRule.valueOf(row.getString("size_rule"))), inspection)
                .forEach(s -> settings.put(s.category(), s));
        return settings.isEmpty() ? Optional.empty() : Optional.of(settings);
    }

    /** Stores a category's draw: its quotas, with the bounds it loosened, and the cases it took. */
    @Transactional
    public void saveDraw(UUID inspection, CategoryDraw draw, List<SampleDesign.Quota> quotas, List<LoosenedBound> loosened,
                         List<Taken> cases) {
        jdbc.execute("insert into sample_draw (inspection_id, category, seed, method, size) values (?, ?, ?, ?, ?)",
                inspection, draw.category().name(), draw.seed(), draw.method(), draw.size());
        int position = 0;
        for (SampleDesign.Quota quota : quotas) {
            int loosenedBy = loosened.stream().filter(l -> l.classification().equals(quota.classification())
                    && l.category().equals(quota.category())).mapToInt(LoosenedBound::cases).findFirst().orElse(0);
            jdbc.execute("insert into sample_quota (inspection_id, category, position, classification, classified_as, in_population, "
                    + "quota, loosened_by) values (?, ?, ?, ?, ?, ?, ?, ?)", inspection, draw.category().name(), position++,
                    quota.classification(), quota.category(), quota.inPopulation(), quota.proportionalTarget(), loosenedBy);
        }
        position = 0;
        for (Taken taken : cases) {
            jdbc.execute("insert into sampled_case (inspection_id, reference, category, position, active, inclusion_probability, profile) "
                    + "values (?, ?, ?, ?, true, ?, ?)", inspection, taken.reference(), draw.category().name(), position++,
                    taken.inclusionProbability(), taken.profile().key());
        }
    }

    @Transactional(readOnly = true)
    public List<CategoryDraw> draws(UUID inspection) {
        return jdbc.query("select category, seed, method, coalesce(size, 0) from sample_draw where inspection_id = ? order by category",
                row -> new CategoryDraw(CaseCategory.valueOf(row.getString(1)), row.getLong(2), row.getString(3), row.getInt(4)), inspection);
    }

    /** Each drawn category's quotas, in the order the draw recorded them. */
    @Transactional(readOnly = true)
    public Map<CaseCategory, List<SampleDesign.Quota>> quotas(UUID inspection) {
        Map<CaseCategory, List<SampleDesign.Quota>> quotas = new EnumMap<>(CaseCategory.class);
        jdbc.query("select category, classification, classified_as, in_population, quota from sample_quota where inspection_id = ? "
                        + "order by category, position",
                row -> quotas.computeIfAbsent(CaseCategory.valueOf(row.getString(1)), c -> new java.util.ArrayList<>())
                        .add(new SampleDesign.Quota(row.getString(2), row.getString(3), row.getInt(4), row.getDouble(5))), inspection);
        return quotas;
    }

    /** Each drawn category's loosened bounds, in the order of its quotas; none for a category that kept every bound. */
    @Transactional(readOnly = true)
    public Map<CaseCategory, List<LoosenedBound>> loosened(UUID inspection) {
        Map<CaseCategory, List<LoosenedBound>> loosened = new EnumMap<>(CaseCategory.class);
        jdbc.query("select category, classification, classified_as, loosened_by from sample_quota where inspection_id = ? "
                        + "and loosened_by > 0 order by category, position",
                row -> loosened.computeIfAbsent(CaseCategory.valueOf(row.getString(1)), c -> new java.util.ArrayList<>())
                        .add(new LoosenedBound(row.getString(2), row.getString(3), row.getInt(4))), inspection);
        return loosened;
    }

    @Transactional(readOnly = true)
    public List<SampledCase> sampledCases(UUID inspection) {
        return jdbc.query("select reference, category, position, active, replaced_because, replaces, replacement_note, "
                        + "inclusion_probability, profile, inspector from sampled_case where inspection_id = ? order by category, position",
                row -> new SampledCase(row.getString(1), CaseCategory.valueOf(row.getString(2)), row.getInt(3), row.getBoolean(4),
                        row.getString(5), row.getString(6), row.getString(7), (Double) row.getObject(8),
                        row.getString(9) == null ? null : Profile.parse(row.getString(9)), row.getString(10)), inspection);
    }

    /** Marks {@code out} replaced and adds the replacement after the category's last case. */
    @Transactional
    public void replace(UUID inspection, CaseCategory category, String out, String reason, Optional<Taken> replacement, String note) {
        jdbc.execute("update sampled_case set active = false, replaced_because = ? where inspection_id = ? and reference = ?",
                reason, inspection, out);
        replacement.ifPresent(in -> jdbc.execute("insert into sampled_case (inspection_id, reference, category, position, active, replaces, "
                        + "replacement_note, inclusion_probability, profile) select ?, ?, ?, coalesce(max(position), -1) + 1, true, ?, ?, ?, ? "
                        + "from sampled_case where inspection_id = ? and category = ?",
                inspection, in.reference(), category.name(), out, note, in.inclusionProbability(), in.profile().key(), inspection,
                category.name()));
    }
}
