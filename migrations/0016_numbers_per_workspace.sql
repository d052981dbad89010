-- The numbers people see (account #3, opportunity #8, interaction #270, meeting #2) count within
-- their workspace: no tenant learns from them how much the others hold.
ALTER TABLE accounts ADD COLUMN number INTEGER;
UPDATE accounts SET number = n.rn
FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY workspace_id ORDER BY id) AS rn FROM accounts) AS n
WHERE n.id = accounts.id;
CREATE UNIQUE INDEX accounts_by_number ON accounts (workspace_id, number);

ALTER TABLE opportunities ADD COLUMN number INTEGER;
UPDATE opportunities SET number = n.rn
FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY workspace_id ORDER BY id) AS rn FROM opportunities) AS n
WHERE n.id = opportunities.id;
CREATE UNIQUE INDEX opportunities_by_number ON opportunities (workspace_id, number);

ALTER TABLE interactions ADD COLUMN number INTEGER;
UPDATE interactions SET number = n.rn
FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY workspace_id ORDER BY id) AS rn FROM interactions) AS n
WHERE n.id = interactions.id;
CREATE UNIQUE INDEX interactions_by_number ON interactions (workspace_id, number);

ALTER TABLE meetings ADD COLUMN number INTEGER;
UPDATE meetings SET number = n.rn
FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY workspace_id ORDER BY id) AS rn FROM meetings) AS n
WHERE n.id = meetings.id;
CREATE UNIQUE INDEX meetings_by_number ON meetings (workspace_id, number);
