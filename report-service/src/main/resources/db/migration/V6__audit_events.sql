-- The audit log: every call to the service's methods, refused attempts included, and the acts it
-- does of its own accord. Append-only: the database refuses to change or remove an entry. No
-- column holds a case field's value; a case reference in a resource name is a keyed pseudonym.
CREATE TABLE audit_events (
    id          BIGSERIAL   PRIMARY KEY,
    event_time  TIMESTAMPTZ NOT NULL,
    subject     TEXT        NOT NULL,
    roles       TEXT[]      NOT NULL,
    method      TEXT        NOT NULL,
    resource    TEXT        NOT NULL,
    inspection  TEXT        NOT NULL,
    outcome     TEXT        NOT NULL,
    reason      TEXT        NOT NULL
);
CREATE INDEX audit_events_by_inspection ON audit_events (inspection, id);

CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events rows are never changed or removed';
END $$;

CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER audit_events_not_truncated BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();
