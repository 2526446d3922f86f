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
import yardstick.cases.domain.CategorySettings;

/** Sampling settings, draws and sampled cases, in case-service's database. */
@Singleton
public class SampleStore {

    /** A sampled case as stored. */
    public record SampledCaseRow(String reference, CaseCategory category, int position, boolean active, String replacedBecause,
                                 String replaces, String replacementNote) {
    }

    /** A drawn category: its seed and method. */
    public record DrawRow(CaseCategory category, long seed, String method) {
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

    @Transactional
    public void saveDraw(UUID inspection, DrawRow draw, List<String> references) {
        jdbc.execute("insert into sample_draw (inspection_id, category, seed, method) values (?, ?, ?, ?)",
                inspection, draw.category().name(), draw.seed(), draw.method());
        int position = 0;
        for (String reference : references) {
            jdbc.execute("insert into sampled_case (inspection_id, reference, category, position, active) values (?, ?, ?, ?, true)",
                    inspection, reference, draw.category().name(), position++);
        }
    }

    @Transactional(readOnly = true)
    public List<DrawRow> draws(UUID inspection) {
        return jdbc.query("select category, seed, method from sample_draw where inspection_id = ? order by category",
                row -> new DrawRow(CaseCategory.valueOf(row.getString(1)), row.getLong(2), row.getString(3)), inspection);
    }

    @Transactional(readOnly = true)
    public List<SampledCaseRow> sampledCases(UUID inspection) {
        return jdbc.query("select reference, category, position, active, replaced_because, replaces, replacement_note "
                        + "from sampled_case where inspection_id = ? order by category, position",
                row -> new SampledCaseRow(row.getString(1), CaseCategory.valueOf(row.getString(2)), row.getInt(3), row.getBoolean(4),
                        row.getString(5), row.getString(6), row.getString(7)), inspection);
    }

    /** Marks {@code out} replaced and adds the replacement after the category's last case. */
    @Transactional
    public void replace(UUID inspection, CaseCategory category, String out, String reason, Optional<String> replacement, String note) {
        jdbc.execute("update sampled_case set active = false, replaced_because = ? where inspection_id = ? and reference = ?",
                reason, inspection, out);
        replacement.ifPresent(in -> jdbc.execute("insert into sampled_case (inspection_id, reference, category, position, active, replaces, "
                        + "replacement_note) select ?, ?, ?, coalesce(max(position), -1) + 1, true, ?, ? from sampled_case "
                        + "where inspection_id = ? and category = ?",
                inspection, in, category.name(), out, note, inspection, category.name()));
    }
}
