-- The portal's copy of case-service's register of inspected services (case-service owns it): what
-- each service is called now, what it was called before, its region and local authorities. The
-- portal reads only this copy, so its pages answer when case-service does not; report-service
-- refreshes it from case-service.
CREATE TABLE inspected_service (
    name               TEXT        PRIMARY KEY,
    display_name       TEXT        NOT NULL,
    former_names       TEXT[]      NOT NULL,
    local_authorities  TEXT[]      NOT NULL,
    region             TEXT        NOT NULL,
    copy_time          TIMESTAMPTZ NOT NULL
);
