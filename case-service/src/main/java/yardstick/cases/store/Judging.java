package yardstick.cases.store;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import yardstick.cases.domain.EligibleCase;
import yardstick.cases.domain.FieldProblem;
import yardstick.cases.domain.FrameworkQuestions;
import yardstick.cases.domain.InvalidJudgementsException;
import yardstick.cases.domain.JudgementRules;
import yardstick.cases.domain.KeyQuestionJudgement;
import yardstick.cases.domain.SamplingRefusedException;

/** The judging use cases: recording a case's draft judgements, submitting them, tallying the submitted. */
@Singleton
public class Judging {

    /** The active sampled cases and the tallies over their submitted judgements. */
    public record Tallied(List<EligibleCase> sampled, JudgementStore.Tallies tallies) {
    }

    private final JudgementStore judgements;
    private final PopulationStore populations;
    private final DataSource dataSource;

    Judging(JudgementStore judgements, PopulationStore populations, @Named("default") DataSource dataSource) {
        this.judgements = judgements;
        this.populations = populations;
        this.dataSource = dataSource;
    }

    /** The case, when it is in the inspection's sample as it stands; not-found naming {@code name} otherwise. */
    @Transactional(readOnly = true)
    public EligibleCase sampledCase(UUID inspection, String reference, String name) {
        return activeSampled(inspection).stream().filter(c -> c.reference().equals(reference)).findFirst()
                .orElseThrow(() -> new CaseNotSampledException(name));
    }

    @Transactional(readOnly = true)
    public JudgementStore.Recorded recorded(UUID inspection, String reference) {
        sampledCase(inspection, reference, "inspections/" + inspection + "/cases/" + reference);
        return judgements.load(inspection, reference, false);
    }

    @Transactional
    public JudgementStore.Recorded save(UUID inspection, String reference, String etag, List<KeyQuestionJudgement> draft, String name,
                                        String inspector) {
        JudgementStore.Recorded current = lockedCurrent(inspection, reference, etag, name);
        judgements.save(inspection, reference, current.version(), draft, inspector, now());
        return judgements.load(inspection, reference, false);
    }

    @Transactional
    public JudgementStore.Recorded submit(UUID inspection, String reference, String etag, FrameworkQuestions framework, String name,
                                          String inspector) {
        JudgementStore.Recorded current = lockedCurrent(inspection, reference, etag, name);
        EligibleCase sampled = sampledCase(inspection, reference, name);
        List<FieldProblem> problems = JudgementRules.submissionProblems(framework, sampled, current.judgements());
        if (!problems.isEmpty()) {
            throw new InvalidJudgementsException(problems);
        }
        judgements.submit(inspection, reference, current.version(), inspector, now());
        return judgements.load(inspection, reference, false);
    }

    private static java.time.Instant now() {
        return java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    @Transactional(readOnly = true)
    public Tallied tallies(UUID inspection) {
        return new Tallied(activeSampled(inspection), judgements.tallies(inspection));
    }

    private JudgementStore.Recorded lockedCurrent(UUID inspection, String reference, String etag, String name) {
        lockSampledCase(inspection, reference, name);
        JudgementStore.Recorded current = judgements.load(inspection, reference, true);
        if (current.submitted()) {
            throw new SamplingRefusedException("SUBMITTED", name + " is submitted; submitted judgements are final");
        }
        String currentEtag = current.version() == 0 ? "" : "\"" + current.version() + "\"";
        if (!currentEtag.equals(etag)) {
            throw new SamplingRefusedException("ETAG", name + " changed since it was read (its etag is now "
                    + (currentEtag.isEmpty() ? "empty: nothing recorded yet" : currentEtag) + "); read it again and reapply the change");
        }
        return current;
    }

    private void lockSampledCase(UUID inspection, String reference, String name) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select 1 from sampled_case where inspection_id = ? and reference = ? and active for update")) {
            select.setObject(1, inspection);
            select.setString(2, reference);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new CaseNotSampledException(name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<EligibleCase> activeSampled(UUID inspection) {
        return populations.loadSampled(inspection);
    }

    /** The case a request names is not in the inspection's sample as it stands. */
    public static class CaseNotSampledException extends RuntimeException {
        public CaseNotSampledException(String name) {
            super(name + " is not a case in the inspection's sample");
        }
    }
}
