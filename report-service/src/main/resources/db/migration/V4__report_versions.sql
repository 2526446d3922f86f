-- Drafts keep versions: every authored change is a new row, and no row ever changes. The report
-- row keeps only which version is latest, so that an update can check the etag it was given
-- under a row lock.
CREATE TABLE report_version (
    report_id        UUID        NOT NULL REFERENCES report (id),
    version          INTEGER     NOT NULL CHECK (version > 0),
    body             BYTEA       NOT NULL,
    updated_by       TEXT        NOT NULL,
    update_time      TIMESTAMPTZ NOT NULL,
    correction_note  TEXT        NOT NULL DEFAULT '',
    PRIMARY KEY (report_id, version)
);
INSERT INTO report_version (report_id, version, body, updated_by, update_time)
    SELECT id, version, body, 'assembly', create_time FROM report;
ALTER TABLE report DROP COLUMN body;
ALTER TABLE report RENAME COLUMN version TO latest_version;
CREATE TRIGGER report_version_immutable BEFORE UPDATE OR DELETE ON report_version FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- A publication is of one version; a correction names the publication it corrects and what changed.
-- (Columns are added with defaults rather than by UPDATE: publication rows refuse updates.)
ALTER TABLE publication ADD COLUMN report_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE publication ALTER COLUMN report_version DROP DEFAULT;
ALTER TABLE publication ADD COLUMN corrects UUID REFERENCES publication (id);
ALTER TABLE publication ADD COLUMN correction_note TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX publication_once_per_version ON publication (report_id, report_version);
CREATE INDEX publication_by_report ON publication (report_id, publish_time);
