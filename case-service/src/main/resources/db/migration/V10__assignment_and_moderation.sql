-- Fieldwork as the inspectorate runs it (issue 13): each sampled case assigned by the lead
-- inspector to an inspector on the team; a moderation sample (the cases the lead picks and a
-- share drawn at random with a recorded seed) read again by a second reader, who confirms a case
-- or returns it to its inspector; what happened to each case kept, by whom and when.
ALTER TABLE sampled_case ADD COLUMN inspector TEXT;

ALTER TABLE case_judgements
    ADD COLUMN confirmed_by TEXT,
    ADD COLUMN confirm_time TIMESTAMPTZ;

-- The random share of the moderation sample, drawn once per inspection.
CREATE TABLE moderation_draw (
    inspection_id  UUID             PRIMARY KEY REFERENCES inspection (id),
    share          DOUBLE PRECISION NOT NULL CHECK (share > 0 AND share <= 1),
    seed           BIGINT           NOT NULL,
    drawn_by       TEXT             NOT NULL,
    draw_time      TIMESTAMPTZ      NOT NULL
);

-- The cases of the moderation sample, and why each is in it.
CREATE TABLE moderation_selection (
    inspection_id    UUID    NOT NULL,
    reference        TEXT    NOT NULL,
    picked_by_lead   BOOLEAN NOT NULL DEFAULT false,
    in_random_share  BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (inspection_id, reference),
    FOREIGN KEY (inspection_id, reference) REFERENCES sampled_case (inspection_id, reference)
);

-- What happened to each sampled case in fieldwork, oldest first; never changed, removed only by
-- the retention purge with the rest of the case data.
CREATE TABLE case_event (
    id                  BIGSERIAL   PRIMARY KEY,
    inspection_id       UUID        NOT NULL,
    reference           TEXT        NOT NULL,
    type                TEXT        NOT NULL CHECK (type IN ('ASSIGNED', 'SUBMITTED', 'RETURNED', 'CONFIRMED')),
    actor               TEXT        NOT NULL,
    event_time          TIMESTAMPTZ NOT NULL,
    inspector           TEXT,
    previous_inspector  TEXT,
    reason              TEXT,
    FOREIGN KEY (inspection_id, reference) REFERENCES sampled_case (inspection_id, reference)
);
CREATE INDEX case_event_by_case ON case_event (inspection_id, reference, id);
