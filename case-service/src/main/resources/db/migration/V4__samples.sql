-- How each category of an inspection is sampled (the plan's inputs; its figures are computed).
CREATE TABLE sample_settings (
    inspection_id       UUID    NOT NULL REFERENCES inspection (id),
    category            TEXT    NOT NULL,
    window_months       INTEGER NOT NULL,
    recent_from_months  INTEGER NOT NULL,
    recent_to_months    INTEGER NOT NULL,
    recent_share        DOUBLE PRECISION NOT NULL,
    confidence          DOUBLE PRECISION NOT NULL,
    margin_of_error     DOUBLE PRECISION NOT NULL,
    minimum             INTEGER NOT NULL,
    maximum             INTEGER NOT NULL,
    size_rule           TEXT    NOT NULL,
    PRIMARY KEY (inspection_id, category)
);

-- A drawn category sample: the seed and method that reproduce it.
CREATE TABLE sample_draw (
    inspection_id  UUID        NOT NULL REFERENCES inspection (id),
    category       TEXT        NOT NULL,
    seed           BIGINT      NOT NULL,
    method         TEXT        NOT NULL,
    drawn_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (inspection_id, category)
);

-- The cases sampled, in the order taken; a replaced case stays, with the reason.
CREATE TABLE sampled_case (
    inspection_id     UUID    NOT NULL REFERENCES inspection (id),
    reference         TEXT    NOT NULL,
    category          TEXT    NOT NULL,
    position          INTEGER NOT NULL,
    active            BOOLEAN NOT NULL,
    replaced_because  TEXT,
    replaces          TEXT,
    replacement_note  TEXT,
    PRIMARY KEY (inspection_id, reference),
    FOREIGN KEY (inspection_id, reference) REFERENCES eligible_case (inspection_id, reference)
);
