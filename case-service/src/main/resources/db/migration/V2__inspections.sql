CREATE TABLE inspection (
    id                 UUID PRIMARY KEY,
    service_inspected  TEXT        NOT NULL,
    fieldwork_start    DATE        NOT NULL,
    fieldwork_end      DATE        NOT NULL CHECK (fieldwork_end >= fieldwork_start),
    framework          TEXT        NOT NULL,
    lead_inspector     TEXT        NOT NULL,
    state              TEXT        NOT NULL CHECK (state IN ('PLANNING', 'SAMPLING', 'FIELDWORK', 'RATING', 'CLOSED')),
    version            BIGINT      NOT NULL,
    create_time        TIMESTAMPTZ NOT NULL,
    update_time        TIMESTAMPTZ NOT NULL
);

CREATE INDEX inspection_by_creation ON inspection (create_time, id);
