-- Report drafts. The body is the report as assembled (figures from case-service and rating-service).
CREATE TABLE report (
    id           UUID        PRIMARY KEY,
    inspection   TEXT        NOT NULL,
    version      INTEGER     NOT NULL,
    body         BYTEA       NOT NULL,
    create_time  TIMESTAMPTZ NOT NULL
);
CREATE INDEX report_by_inspection ON report (inspection);
