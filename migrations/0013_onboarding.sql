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
-- A name an admin gave (added by name, imported or renamed) is kept; otherwise the chat's display name is followed.
ALTER TABLE people ADD COLUMN name_fixed INTEGER NOT NULL DEFAULT 0 CHECK (name_fixed IN (0, 1));
CREATE UNIQUE INDEX people_by_external_id ON people (workspace_id, external_id) WHERE external_id IS NOT NULL;
