-- Published versions of reports, and their renditions: stored once, never changed.
CREATE TABLE publication (
    id                 UUID        PRIMARY KEY,
    report_id          UUID        NOT NULL REFERENCES report (id),
    inspection         TEXT        NOT NULL,
    service_inspected  TEXT        NOT NULL,
    publish_time       TIMESTAMPTZ NOT NULL,
    embargo_until      TIMESTAMPTZ,
    report_body        BYTEA       NOT NULL
);
CREATE INDEX publication_by_time ON publication (publish_time, id);

CREATE TABLE rendition (
    publication_id  UUID   NOT NULL REFERENCES publication (id),
    format          TEXT   NOT NULL CHECK (format IN ('HTML', 'MARKDOWN', 'JSON', 'PDF')),
    content_type    TEXT   NOT NULL,
    sha256          TEXT   NOT NULL,
    content         BYTEA  NOT NULL,
    PRIMARY KEY (publication_id, format)
);

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are immutable', TG_TABLE_NAME;
END $$;
CREATE TRIGGER publication_immutable BEFORE UPDATE OR DELETE ON publication FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER rendition_immutable BEFORE UPDATE OR DELETE ON rendition FOR EACH ROW EXECUTE FUNCTION refuse_change();
