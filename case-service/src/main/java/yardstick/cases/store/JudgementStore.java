package yardstick.cases.store;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import yardstick.platform.store.Jdbc;
import yardstick.cases.domain.Answer;
import yardstick.cases.domain.JudgementTallies;
import yardstick.cases.domain.KeyQuestionJudgement;
import yardstick.cases.domain.RecordedJudgements;

/** Judgements on sampled cases, and the tallies over the submitted ones. */
@Singleton
public class JudgementStore {

    private final DataSource dataSource;
    private final Jdbc jdbc;

    JudgementStore(@Named("default") DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new Jdbc(dataSource);
    }

    @Transactional
    public RecordedJudgements load(UUID inspection, String reference, boolean forUpdate) {
        try (Connection connection = dataSource.getConnection()) {
            long version = 0;
            boolean submitted = false;
            String judgedBy = null;
            Instant judgeTime = null;
            String submittedBy = null;
            Instant submitTime = null;
            try (PreparedStatement select = connection.prepareStatement("select version, submitted, judged_by, judge_time, submitted_by, "
                    + "submit_time from case_judgements where inspection_id = ? and reference = ?" + (forUpdate ? " for update" : ""))) {
                select.setObject(1, inspection);
                select.setString(2, reference);
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        version = row.getLong(1);
                        submitted = row.getBoolean(2);
                        judgedBy = row.getString(3);
                        judgeTime = instant(row.getTimestamp(4));
                        submittedBy = row.getString(5);
                        submitTime = instant(row.getTimestamp(6));
                    }
                }
            }
            // Codes in byte order ("C"), whatever the database's collation: the order RecordedJudgements.drafted answers.
            List<KeyQuestionJudgement> judgements = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("select k.key_question, k.judgement, k.note, p.prompt, p.answer "
                    + "from key_question_judgement k left join prompt_answer p using (inspection_id, reference, key_question) "
                    + "where k.inspection_id = ? and k.reference = ? order by k.key_question collate \"C\", p.prompt collate \"C\"")) {
                select.setObject(1, inspection);
                select.setString(2, reference);
                try (ResultSet row = select.executeQuery()) {
                    String keyQuestion = null;
                    Answer judgement = null;
                    String note = null;
                    List<KeyQuestionJudgement.PromptAnswer> prompts = new ArrayList<>();
                    while (row.next()) {
                        if (!row.getString(1).equals(keyQuestion)) {
                            if (keyQuestion != null) {
                                judgements.add(new KeyQuestionJudgement(keyQuestion, judgement, note, prompts));
                            }
                            keyQuestion = row.getString(1);
                            judgement = row.getString(2) == null ? null : Answer.valueOf(row.getString(2));
                            note = row.getString(3);
                            prompts = new ArrayList<>();
                        }
                        if (row.getString(4) != null) {
                            prompts.add(new KeyQuestionJudgement.PromptAnswer(row.getString(4), Answer.valueOf(row.getString(5))));
                        }
                    }
                    if (keyQuestion != null) {
                        judgements.add(new KeyQuestionJudgement(keyQuestion, judgement, note, prompts));
                    }
                }
            }
            return new RecordedJudgements(version, submitted, judgements, judgedBy, judgeTime, submittedBy, submitTime);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /**
     * Replaces the draft {@code current} (as loaded under the case's lock) with {@code drafted}, its
     * next version ({@link RecordedJudgements#drafted}). Only the rows that differ are written: an
     * inspector's edit is usually one note or answer, and rewriting every key question's and
     * prompt's row was most of case-service's database time under load.
     */
    @Transactional
    public void save(UUID inspection, String reference, RecordedJudgements current, RecordedJudgements drafted) {
        jdbc.execute("insert into case_judgements (inspection_id, reference, version, submitted, judged_by, judge_time) "
                + "values (?, ?, ?, false, ?, ?) on conflict (inspection_id, reference) do update set version = excluded.version, "
                + "judged_by = excluded.judged_by, judge_time = excluded.judge_time",
                inspection, reference, drafted.version(), drafted.judgedBy(), java.sql.Timestamp.from(drafted.judgeTime()));
        Map<String, KeyQuestionJudgement> before = new LinkedHashMap<>();
        current.judgements().forEach(j -> before.put(j.keyQuestion(), j));
        Map<String, KeyQuestionJudgement> after = new LinkedHashMap<>();
        drafted.judgements().forEach(j -> after.put(j.keyQuestion(), j));
        List<Object[]> removedKeyQuestions = new ArrayList<>();
        List<Object[]> addedKeyQuestions = new ArrayList<>();
        List<Object[]> changedKeyQuestions = new ArrayList<>();
        List<Object[]> removedAnswers = new ArrayList<>();
        List<Object[]> addedAnswers = new ArrayList<>();
        List<Object[]> changedAnswers = new ArrayList<>();
        for (KeyQuestionJudgement old : before.values()) {
            if (!after.containsKey(old.keyQuestion())) {
                // Its prompts' answers go with it (on delete cascade).
                removedKeyQuestions.add(new Object[] {inspection, reference, old.keyQuestion()});
            }
        }
        for (KeyQuestionJudgement judgement : after.values()) {
            KeyQuestionJudgement old = before.get(judgement.keyQuestion());
            String answer = judgement.judgement() == null ? null : judgement.judgement().name();
            String note = judgement.note() == null ? "" : judgement.note();
            if (old == null) {
                addedKeyQuestions.add(new Object[] {inspection, reference, judgement.keyQuestion(), answer, note});
            } else if (old.judgement() != judgement.judgement() || !(old.note() == null ? "" : old.note()).equals(note)) {
                changedKeyQuestions.add(new Object[] {answer, note, inspection, reference, judgement.keyQuestion()});
            }
            Map<String, Answer> oldAnswers = new LinkedHashMap<>();
            if (old != null) {
                old.prompts().forEach(a -> oldAnswers.put(a.prompt(), a.answer()));
            }
            Map<String, Answer> newAnswers = new LinkedHashMap<>();
            judgement.prompts().forEach(a -> newAnswers.put(a.prompt(), a.answer()));
            oldAnswers.keySet().stream().filter(prompt -> !newAnswers.containsKey(prompt))
                    .forEach(prompt -> removedAnswers.add(new Object[] {inspection, reference, judgement.keyQuestion(), prompt}));
            newAnswers.forEach((prompt, value) -> {
                Answer was = oldAnswers.get(prompt);
                if (was == null) {
                    addedAnswers.add(new Object[] {inspection, reference, judgement.keyQuestion(), prompt, value.name()});
                } else if (was != value) {
                    changedAnswers.add(new Object[] {value.name(), inspection, reference, judgement.keyQuestion(), prompt});
                }
            });
        }
        jdbc.executeBatch("delete from key_question_judgement where inspection_id = ? and reference = ? and key_question = ?",
                removedKeyQuestions);
        jdbc.executeBatch("delete from prompt_answer where inspection_id = ? and reference = ? and key_question = ? and prompt = ?",
                removedAnswers);
        jdbc.executeBatch("insert into key_question_judgement (inspection_id, reference, key_question, judgement, note) values (?, ?, ?, ?, ?)",
                addedKeyQuestions);
        jdbc.executeBatch("update key_question_judgement set judgement = ?, note = ? where inspection_id = ? and reference = ? "
                + "and key_question = ?", changedKeyQuestions);
        jdbc.executeBatch("insert into prompt_answer (inspection_id, reference, key_question, prompt, answer) values (?, ?, ?, ?, ?)",
                addedAnswers);
        jdbc.executeBatch("update prompt_answer set answer = ? where inspection_id = ? and reference = ? and key_question = ? and prompt = ?",
                changedAnswers);
    }

    @Transactional
    public long submit(UUID inspection, String reference, long version, String inspector, Instant at) {
        jdbc.execute("update case_judgements set submitted = true, version = ?, submitted_by = ?, submit_time = ? "
                + "where inspection_id = ? and reference = ?", version + 1, inspector, java.sql.Timestamp.from(at), inspection, reference);
        return version + 1;
    }

    /** Tallies over the submitted judgements of active sampled cases. */
    @Transactional(readOnly = true)
    public JudgementTallies tallies(UUID inspection) {
        Map<String, int[]> keyQuestions = new LinkedHashMap<>();
        Map<String, Map<String, int[]>> prompts = new LinkedHashMap<>();
        int submitted;
        String counted = " from case_judgements c join sampled_case s using (inspection_id, reference) "
                + "where c.inspection_id = ? and c.submitted and s.active";
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement select = connection.prepareStatement("select count(*)" + counted)) {
                select.setObject(1, inspection);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    submitted = row.getInt(1);
                }
            }
            try (PreparedStatement select = connection.prepareStatement("select j.key_question, "
                    + "count(*) filter (where j.judgement = 'YES'), count(*) filter (where j.judgement in ('YES', 'NO')) "
                    + "from key_question_judgement j join case_judgements c using (inspection_id, reference) "
                    + "join sampled_case s using (inspection_id, reference) "
                    + "where c.inspection_id = ? and c.submitted and s.active group by j.key_question order by j.key_question")) {
                select.setObject(1, inspection);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        keyQuestions.put(row.getString(1), new int[] {row.getInt(2), row.getInt(3)});
                    }
                }
            }
            try (PreparedStatement select = connection.prepareStatement("select p.key_question, p.prompt, "
                    + "count(*) filter (where p.answer = 'YES'), count(*) filter (where p.answer in ('YES', 'NO')) "
                    + "from prompt_answer p join case_judgements c using (inspection_id, reference) "
                    + "join sampled_case s using (inspection_id, reference) "
                    + "where c.inspection_id = ? and c.submitted and s.active group by p.key_question, p.prompt "
                    + "order by p.key_question, p.prompt")) {
                select.setObject(1, inspection);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        prompts.computeIfAbsent(row.getString(1), k -> new LinkedHashMap<>())
                                .put(row.getString(2), new int[] {row.getInt(3), row.getInt(4)});
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new JudgementTallies(keyQuestions, prompts, submitted);
    }
}
