-- The weekly digest counts each rep's interactions of the last week: without this index that
-- count read every interaction of the workspace (2 million in a 100 000-account workspace).
CREATE INDEX interactions_by_author ON interactions (workspace_id, author_id, occurred_at);

-- The health score reads the tones of an account's newest interactions that have one: this
-- partial index answers that from the index alone, without visiting every recent interaction.
CREATE INDEX interactions_with_tone ON interactions (account_id, occurred_at, tone) WHERE tone IS NOT NULL;
