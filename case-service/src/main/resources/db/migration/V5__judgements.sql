-- Inspectors' judgements on sampled cases: a draft until submitted; version makes the etag.
CREATE TABLE case_judgements (
    inspection_id  UUID    NOT NULL,
    reference      TEXT    NOT NULL,
    version        BIGINT  NOT NULL,
    submitted      BOOLEAN NOT NULL,
    PRIMARY KEY (inspection_id, reference),
    FOREIGN KEY (inspection_id, reference) REFERENCES sampled_case (inspection_id, reference)
);

CREATE TABLE key_question_judgement (
    inspection_id  UUID NOT NULL,
    reference      TEXT NOT NULL,
    key_question   TEXT NOT NULL,
    judgement      TEXT CHECK (judgement IN ('YES', 'NO', 'NOT_APPLICABLE')),
    note           TEXT NOT NULL,
    PRIMARY KEY (inspection_id, reference, key_question),
    FOREIGN KEY (inspection_id, reference) REFERENCES case_judgements (inspection_id, reference) ON DELETE CASCADE
);

CREATE TABLE prompt_answer (
    inspection_id  UUID NOT NULL,
    reference      TEXT NOT NULL,
    key_question   TEXT NOT NULL,
    prompt         TEXT NOT NULL,
    answer         TEXT NOT NULL CHECK (answer IN ('YES', 'NO', 'NOT_APPLICABLE')),
    PRIMARY KEY (inspection_id, reference, key_question, prompt),
    FOREIGN KEY (inspection_id, reference, key_question)
        REFERENCES key_question_judgement (inspection_id, reference, key_question) ON DELETE CASCADE
);
