-- Contacts are always looked up within one workspace and account: lead the index with both, so the
-- planner never prefers scanning the whole workspace.
DROP INDEX contacts_by_account;
CREATE INDEX contacts_by_account ON contacts (workspace_id, account_id, folded_name);
