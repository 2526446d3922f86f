-- Creating requests by request_id, so that a retry gets the first answer instead of doing the
-- work twice (AIP-155). The row is claimed before the work and answered in the same transaction.
CREATE TABLE request_record (
    request_id    UUID PRIMARY KEY,
    method        TEXT        NOT NULL,
    request_hash  BYTEA       NOT NULL,
    response      BYTEA,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
