-- The inspected service's factual-accuracy check of a draft, one a report: the version sent, its
-- deadline, who sent it and, once the service has made all its comments, who returned it.
CREATE TABLE factual_accuracy_check (
    report_id       UUID        PRIMARY KEY REFERENCES report (id),
    report_version  INTEGER     NOT NULL,
    deadline        TIMESTAMPTZ NOT NULL,
    sent_by         TEXT        NOT NULL,
    send_time       TIMESTAMPTZ NOT NULL,
    returned_by     TEXT,
    return_time     TIMESTAMPTZ,
    CHECK ((returned_by IS NULL) = (return_time IS NULL))
);

-- The service's comments, each on one section, and the authors' answer: given once, a decline with its reason.
CREATE TABLE factual_accuracy_comment (
    report_id     UUID        NOT NULL REFERENCES factual_accuracy_check (report_id),
    number        INTEGER     NOT NULL CHECK (number > 0),
    section       TEXT        NOT NULL,
    text          TEXT        NOT NULL,
    commented_by  TEXT        NOT NULL,
    comment_time  TIMESTAMPTZ NOT NULL,
    answer        TEXT        CHECK (answer IN ('ACCEPTED', 'DECLINED')),
    reason        TEXT        NOT NULL DEFAULT '',
    answered_by   TEXT,
    answer_time   TIMESTAMPTZ,
    PRIMARY KEY (report_id, number),
    CHECK ((answer IS NULL) = (answered_by IS NULL) AND (answer IS NULL) = (answer_time IS NULL)),
    CHECK (answer IS DISTINCT FROM 'DECLINED' OR reason <> '')
);
