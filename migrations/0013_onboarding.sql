-- Onboarding: records brought in from a CRM keep the CRM's id, so a second import of the same file
-- finds them again; people can be added before they use the bot, and removed while history keeps
-- their name.
ALTER TABLE accounts ADD COLUMN external_id TEXT;
CREATE UNIQUE INDEX accounts_by_external_id ON accounts (workspace_id, external_id) WHERE external_id IS NOT NULL;

ALTER TABLE contacts ADD COLUMN external_id TEXT;
CREATE UNIQUE INDEX contacts_by_external_id ON contacts (workspace_id, external_id) WHERE external_id IS NOT NULL;

ALTER TABLE people ADD COLUMN external_id TEXT;
ALTER TABLE people ADD COLUMN email TEXT;
ALTER TABLE people ADD COLUMN removed_at TEXT; -- UTC instant; a removed person keeps their name in history
CREATE UNIQUE INDEX people_by_external_id ON people (workspace_id, external_id) WHERE external_id IS NOT NULL;
