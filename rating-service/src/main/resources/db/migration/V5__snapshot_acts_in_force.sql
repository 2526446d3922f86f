-- A snapshot keeps the recorded acts in force when it was computed (the contract's ActsInForce
-- message), and how many resettlement cases the sample had. Snapshots taken before have neither.
ALTER TABLE rating_snapshot ADD COLUMN acts_in_force BYTEA;
ALTER TABLE rating_snapshot ADD COLUMN resettlement_cases INTEGER NOT NULL DEFAULT 0;
