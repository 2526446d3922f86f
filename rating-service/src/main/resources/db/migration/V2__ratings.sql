-- Recorded acts: each rating or decision is kept as made; the latest per standard is in force.
CREATE TABLE qualitative_rating_act (
    id           BIGSERIAL PRIMARY KEY,
    inspection   TEXT        NOT NULL,
    standard     TEXT        NOT NULL,
    rating       TEXT        NOT NULL,
    rationale    TEXT        NOT NULL,
    evidence     TEXT        NOT NULL,
    recorded_by  TEXT        NOT NULL,
    record_time  TIMESTAMPTZ NOT NULL
);
CREATE INDEX qualitative_rating_act_by_inspection ON qualitative_rating_act (inspection, standard, id);

CREATE TABLE discretion_decision_act (
    id           BIGSERIAL PRIMARY KEY,
    inspection   TEXT        NOT NULL,
    standard     TEXT        NOT NULL,
    from_rating  TEXT        NOT NULL,
    to_rating    TEXT        NOT NULL,
    grounds      TEXT        NOT NULL,
    rationale    TEXT        NOT NULL,
    recorded_by  TEXT        NOT NULL,
    record_time  TIMESTAMPTZ NOT NULL
);
CREATE INDEX discretion_decision_act_by_inspection ON discretion_decision_act (inspection, standard, id);

-- Snapshots: numbered per inspection, never changed.
CREATE TABLE rating_snapshot (
    inspection       TEXT        NOT NULL,
    number           INTEGER     NOT NULL,
    framework        TEXT        NOT NULL,
    inputs           BYTEA       NOT NULL,
    ratings          BYTEA       NOT NULL,
    submitted_cases  INTEGER     NOT NULL,
    requested_by     TEXT        NOT NULL,
    create_time      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (inspection, number)
);

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are immutable', TG_TABLE_NAME;
END $$;

CREATE TRIGGER rating_snapshot_immutable BEFORE UPDATE OR DELETE ON rating_snapshot
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER qualitative_rating_act_immutable BEFORE UPDATE OR DELETE ON qualitative_rating_act
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER discretion_decision_act_immutable BEFORE UPDATE OR DELETE ON discretion_decision_act
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
