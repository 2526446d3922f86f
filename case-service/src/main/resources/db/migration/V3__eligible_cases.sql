-- The eligible population of an inspection: the inspected service's cases, by pseudonymous reference only.
CREATE TABLE eligible_case (
    inspection_id         UUID    NOT NULL REFERENCES inspection (id),
    reference             TEXT    NOT NULL,
    category              TEXT    NOT NULL,
    disposal_type         TEXT    NOT NULL,
    disposal_date         DATE    NOT NULL,
    release_date          DATE,
    gender                TEXT    NOT NULL,
    age                   INTEGER NOT NULL,
    ethnicity             TEXT    NOT NULL,
    risk_of_serious_harm  TEXT    NOT NULL,
    safety_and_wellbeing  TEXT    NOT NULL,
    looked_after          BOOLEAN NOT NULL,
    case_manager          TEXT    NOT NULL,
    PRIMARY KEY (inspection_id, reference)
);
