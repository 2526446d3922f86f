-- A replacement for a sampled case reads the unsampled cases of its profile only (issue 12): by
-- this index, the profile's rows, where without it PostgreSQL read every row of the inspection's
-- population (100,000 at the largest measured) on each ReplaceSampledCase.
CREATE INDEX eligible_case_by_profile
    ON eligible_case (inspection_id, category, gender, disposal_type, risk_of_serious_harm, safety_and_wellbeing);
