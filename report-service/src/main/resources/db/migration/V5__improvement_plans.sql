-- Improvement plans: a service's answer to a published report, one plan a publication. The body
-- is the plan as the service wrote it and as it stands (objectives, actions, status, evidence);
-- progress and overdue are derived on every read, never stored. version makes the etag.
CREATE TABLE improvement_plan (
    id              UUID        PRIMARY KEY,
    publication_id  UUID        NOT NULL UNIQUE REFERENCES publication (id),
    version         INTEGER     NOT NULL,
    state           TEXT        NOT NULL CHECK (state IN ('DRAFT', 'SUBMITTED')),
    body            BYTEA       NOT NULL,
    create_time     TIMESTAMPTZ NOT NULL,
    update_time     TIMESTAMPTZ NOT NULL,
    submit_time     TIMESTAMPTZ
);

-- Every change to a plan, in order: who (the actor the change named), when, what (in words; a
-- display name is never written here, only that it was set, changed or erased).
CREATE TABLE improvement_plan_event (
    plan_id     UUID        NOT NULL REFERENCES improvement_plan (id),
    sequence    INTEGER     NOT NULL,
    event_time  TIMESTAMPTZ NOT NULL,
    actor       TEXT        NOT NULL,
    subject     TEXT        NOT NULL,
    description TEXT        NOT NULL,
    PRIMARY KEY (plan_id, sequence)
);
CREATE TRIGGER improvement_plan_event_immutable BEFORE UPDATE OR DELETE ON improvement_plan_event
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
