-- Which version of an inspection's tallies is current: bumped, in the same transaction, by every
-- change to what the tallies count (a submitted judgement made, changed, returned or removed; a
-- sampled case added, replaced or removed), so that a service can keep tallies it computed and
-- know, by one indexed read, whether they still hold. A table of its own, not a column of
-- inspection: judging holds the inspection's row shared, and two submissions updating it would deadlock.
CREATE TABLE judgement_tallies_version (
    inspection_id  UUID    PRIMARY KEY REFERENCES inspection (id),
    version        BIGINT  NOT NULL
);

CREATE FUNCTION count_tallies_changed(inspection UUID) RETURNS void LANGUAGE sql AS $$
    INSERT INTO judgement_tallies_version (inspection_id, version) VALUES (inspection, 1)
    ON CONFLICT (inspection_id) DO UPDATE SET version = judgement_tallies_version.version + 1;
$$;

CREATE FUNCTION submitted_judgements_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.submitted THEN PERFORM count_tallies_changed(NEW.inspection_id); END IF;
        RETURN NEW;
    ELSIF TG_OP = 'UPDATE' THEN
        IF OLD.submitted OR NEW.submitted THEN PERFORM count_tallies_changed(NEW.inspection_id); END IF;
        RETURN NEW;
    END IF;
    IF OLD.submitted THEN PERFORM count_tallies_changed(OLD.inspection_id); END IF;
    RETURN OLD;
END;
$$;

CREATE TRIGGER tallies_follow_submitted_judgements
    AFTER INSERT OR UPDATE OR DELETE ON case_judgements
    FOR EACH ROW EXECUTE FUNCTION submitted_judgements_changed();

CREATE FUNCTION sampled_cases_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM count_tallies_changed(OLD.inspection_id);
        RETURN OLD;
    END IF;
    PERFORM count_tallies_changed(NEW.inspection_id);
    RETURN NEW;
END;
$$;

CREATE TRIGGER tallies_follow_sampled_cases
    AFTER INSERT OR DELETE OR UPDATE OF active ON sampled_case
    FOR EACH ROW EXECUTE FUNCTION sampled_cases_changed();
