-- A recorded act stops being in force when the panel withdraws it or a later act on the same
-- standard supersedes it. The acts themselves never change: their ending is a row of its own,
-- at most one per act, itself never changed. An act without an ending is in force.
CREATE TABLE qualitative_rating_end (
    act_id         BIGINT      PRIMARY KEY REFERENCES qualitative_rating_act (id),
    superseded_by  BIGINT      UNIQUE REFERENCES qualitative_rating_act (id),
    reason         TEXT        NOT NULL,
    ended_by       TEXT        NOT NULL,
    end_time       TIMESTAMPTZ NOT NULL
);

CREATE TABLE discretion_decision_end (
    act_id         BIGINT      PRIMARY KEY REFERENCES discretion_decision_act (id),
    superseded_by  BIGINT      UNIQUE REFERENCES discretion_decision_act (id),
    reason         TEXT        NOT NULL,
    ended_by       TEXT        NOT NULL,
    end_time       TIMESTAMPTZ NOT NULL
);

CREATE TRIGGER qualitative_rating_end_immutable BEFORE UPDATE OR DELETE ON qualitative_rating_end
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER discretion_decision_end_immutable BEFORE UPDATE OR DELETE ON discretion_decision_end
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- Until now the latest act per standard was in force and each earlier one was superseded by the
-- next, silently: record those endings as what they were, by the later act's recorder and time.
INSERT INTO qualitative_rating_end (act_id, superseded_by, reason, ended_by, end_time)
SELECT id, next_id, 'superseded by a later rating (recorded before ratings named what they supersede)', next_by, next_time
FROM (SELECT id,
             lead(id) OVER w AS next_id,
             lead(recorded_by) OVER w AS next_by,
             lead(record_time) OVER w AS next_time
      FROM qualitative_rating_act
      WINDOW w AS (PARTITION BY inspection, standard ORDER BY id)) acts
WHERE next_id IS NOT NULL;

INSERT INTO discretion_decision_end (act_id, superseded_by, reason, ended_by, end_time)
SELECT id, next_id, 'superseded by a later decision (recorded before decisions named what they supersede)', next_by, next_time
FROM (SELECT id,
             lead(id) OVER w AS next_id,
             lead(recorded_by) OVER w AS next_by,
             lead(record_time) OVER w AS next_time
      FROM discretion_decision_act
      WINDOW w AS (PARTITION BY inspection, standard ORDER BY id)) acts
WHERE next_id IS NOT NULL;
