-- One report per inspection. Earlier data may hold several for one inspection (nothing stopped a
-- second CreateReport), and their rows never change; so the inspection's report is recorded apart,
-- the first made for it where there are several. A new report claims its inspection here first,
-- in the transaction that adds it (the reference is checked at commit), so that two concurrent
-- CreateReports for one inspection make one report.
CREATE TABLE inspection_report (
    inspection  TEXT PRIMARY KEY,
    report_id   UUID NOT NULL UNIQUE REFERENCES report (id) DEFERRABLE INITIALLY DEFERRED
);
INSERT INTO inspection_report (inspection, report_id)
    SELECT DISTINCT ON (inspection) inspection, id FROM report ORDER BY inspection, create_time, id;
