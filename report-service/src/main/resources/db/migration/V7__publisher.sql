-- Who published each publication: the subject of the publisher's token.
ALTER TABLE publication ADD COLUMN published_by TEXT;
