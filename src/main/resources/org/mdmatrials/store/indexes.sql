-- Indexes on what researchers filter by; created after the rows are in, which is faster.
CREATE INDEX trials_primary_category ON trials (primary_category);
CREATE INDEX trials_overall_status ON trials (overall_status);
CREATE INDEX trials_mdma_role ON trials (mdma_role);
CREATE INDEX trial_categories_category ON trial_categories (category);
CREATE INDEX trial_conditions_condition ON trial_conditions (condition COLLATE NOCASE);
CREATE INDEX trial_secondary_ids_id ON trial_secondary_ids (secondary_id);
-- Also covers the report's counts of records by registry, status and trial, which so read this
-- index rather than every record, payload and all.
CREATE INDEX source_records_trial ON source_records (trial_id, registry, source_status);
