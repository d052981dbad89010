-- A person's active accounts in the order the digest and the team views list them (tier, then
-- name), read from one index. With only (workspace_id, owner_id), SQLite chose the index that
-- gives the order, accounts_by_tier, and read every account of the workspace to keep one owner's:
-- half a second a person at 100 000 accounts, most of a digest's time.
DROP INDEX accounts_by_owner;
CREATE INDEX accounts_by_owner ON accounts (workspace_id, owner_id, tier, name);
