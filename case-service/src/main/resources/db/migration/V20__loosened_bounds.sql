-- A draw that had to loosen a bound of the balance (issue 12) keeps which and by how many cases:
-- the quota's category may lie that many cases beyond the floor or ceiling of its quota. 0 where
-- the draw kept the category within one case of its quota, and for draws made before this was kept.
ALTER TABLE sample_quota ADD COLUMN loosened_by INTEGER NOT NULL DEFAULT 0 CHECK (loosened_by >= 0);
