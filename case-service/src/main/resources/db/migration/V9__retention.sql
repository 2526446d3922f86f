-- Retention of children's data: when an inspection closed, and when its case data (eligible
-- population, sample, judgements) was purged. The inspection itself is kept.
ALTER TABLE inspection
    ADD COLUMN close_time TIMESTAMPTZ,
    ADD COLUMN purge_time TIMESTAMPTZ;

-- Inspections already closed: their last change was the closing, the nearest record of when.
UPDATE inspection SET close_time = update_time WHERE state = 'CLOSED';

CREATE INDEX inspection_awaiting_purge ON inspection (close_time) WHERE close_time IS NOT NULL AND purge_time IS NULL;
