-- A balanced probability sample (issue 12): each sampled case keeps its inclusion probability and
-- the profile the design knew it by (gender/disposal type/risk of serious harm/safety and
-- wellbeing/recency), so that a replacement can come from the same profile; each drawn category
-- keeps its size and quotas, so that the sample and its balance are read without the population.
ALTER TABLE sampled_case ADD COLUMN inclusion_probability DOUBLE PRECISION;
ALTER TABLE sampled_case ADD COLUMN profile TEXT;

ALTER TABLE sample_draw ADD COLUMN size INTEGER;

CREATE TABLE sample_quota (
    inspection_id       UUID             NOT NULL,
    category            TEXT             NOT NULL,
    position            INTEGER          NOT NULL,
    classification      TEXT             NOT NULL,
    classified_as       TEXT             NOT NULL,
    in_population       INTEGER          NOT NULL,
    quota               DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (inspection_id, category, position),
    FOREIGN KEY (inspection_id, category) REFERENCES sample_draw (inspection_id, category)
);
