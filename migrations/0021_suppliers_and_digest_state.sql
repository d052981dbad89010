-- How many suppliers the customer keeps for what we sell (its sourcing policy): the card flags
-- an account with fewer than two suppliers, or with more than the customer keeps.
ALTER TABLE accounts ADD COLUMN suppliers_kept INTEGER NOT NULL DEFAULT 3 CHECK (suppliers_kept BETWEEN 1 AND 20);

-- What each account looked like when the digest was sent (JSON, by account id), so the next
-- digest can say what changed since.
ALTER TABLE digest_snapshots ADD COLUMN accounts TEXT NOT NULL DEFAULT '{}';
