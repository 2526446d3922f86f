-- Answers to creating requests, kept by request_id so that a retried request gets the first
-- answer instead of doing the work twice (AIP-155).
CREATE TABLE request_record (
    request_id  UUID PRIMARY KEY,
    method      TEXT        NOT NULL,
    response    BYTEA       NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
