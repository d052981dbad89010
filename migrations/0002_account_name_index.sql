-- Names and aliases apart from words, so that "closest name" and prefix searches scan names only.
CREATE INDEX account_name_terms ON account_terms (workspace_id, term) WHERE kind IN ('name', 'alias');
