-- A person's active accounts in the order the digest and the team views list them (tier, then
-- name), read from one index, as on SQLite (its migration 0036).
DROP INDEX accounts_by_owner;
CREATE INDEX accounts_by_owner ON accounts (workspace_id, owner_id, tier, name);
