-- Who may see and judge an inspection's cases: its lead inspector (who created it) and its team,
-- by the subjects of their tokens. Each judgement names the inspector who last changed it and who
-- submitted it, and when, from the token.
ALTER TABLE inspection ADD COLUMN team TEXT[] NOT NULL DEFAULT '{}';

ALTER TABLE case_judgements
    ADD COLUMN judged_by    TEXT,
    ADD COLUMN judge_time   TIMESTAMPTZ,
    ADD COLUMN submitted_by TEXT,
    ADD COLUMN submit_time  TIMESTAMPTZ;
