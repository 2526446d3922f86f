-- The register of inspected services: an inspection names its service by the register's stable
-- code, not by free text, so that a service's inspections over the years are known to be its own
-- whatever it is called. A rename keeps the former name, with when it stopped.
CREATE TABLE inspected_service (
    code               TEXT        PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9-]{0,62}$'),
    display_name       TEXT        NOT NULL,
    local_authorities  TEXT[]      NOT NULL,
    region             TEXT        NOT NULL,
    version            BIGINT      NOT NULL,
    create_time        TIMESTAMPTZ NOT NULL,
    update_time        TIMESTAMPTZ NOT NULL
);

CREATE TABLE inspected_service_former_name (
    code          TEXT        NOT NULL REFERENCES inspected_service (code),
    display_name  TEXT        NOT NULL,
    until_time    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (code, until_time)
);

-- Inspections opened before the register named their service by free text: each distinct name
-- becomes a registered service (its code made from the name; region and local authorities to be
-- completed by the administrator), and the inspection names it.
INSERT INTO inspected_service (code, display_name, local_authorities, region, version, create_time, update_time)
SELECT DISTINCT ON (code) code, service_inspected, '{}', '', 1, now(), now()
  FROM (SELECT left(trim(both '-' from regexp_replace(lower(service_inspected), '[^a-z0-9]+', '-', 'g')), 63) AS code,
               service_inspected
          FROM inspection) named
 WHERE code ~ '^[a-z][a-z0-9-]{0,62}$'
 ORDER BY code;

ALTER TABLE inspection ADD COLUMN inspected_service TEXT REFERENCES inspected_service (code);
UPDATE inspection SET inspected_service = left(trim(both '-' from regexp_replace(lower(service_inspected), '[^a-z0-9]+', '-', 'g')), 63);
ALTER TABLE inspection ALTER COLUMN inspected_service SET NOT NULL;
ALTER TABLE inspection DROP COLUMN service_inspected;
CREATE INDEX inspection_by_service ON inspection (inspected_service);
