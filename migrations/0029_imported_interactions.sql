-- no-transaction
-- Interactions brought in from a CRM's activities (`kam-bot import interactions`): their own
-- source, keyed by the activity's id so a second import logs nothing twice. SQLite cannot change a
-- CHECK in place, so the table is rebuilt as in 0028, rows, ids and indexes kept, in one
-- transaction with foreign keys off.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;
CREATE TABLE interactions_rebuilt (
    id            INTEGER PRIMARY KEY,
    workspace_id  INTEGER NOT NULL,
    account_id    INTEGER NOT NULL,
    contact_id    INTEGER,
    author_id     INTEGER NOT NULL,
    kind          TEXT    NOT NULL CHECK (kind IN ('meeting', 'call', 'visit', 'email', 'note', 'planning_meeting',
                                                   'yearly_review', 'whatsapp', 'lunch', 'event', 'video_call')),
    occurred_at   TEXT    NOT NULL,
    summary       TEXT    NOT NULL,
    next_step     TEXT,
    next_step_due TEXT,
    source        TEXT    NOT NULL CHECK (source IN ('terminal', 'discord', 'slack', 'seed', 'import')),
    source_id     TEXT,
    created_at    TEXT    NOT NULL,
    tone          INTEGER CHECK (tone IN (-1, 0, 1)),
    number        INTEGER,
    FOREIGN KEY (workspace_id, account_id) REFERENCES accounts (workspace_id, id),
    FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts (workspace_id, id),
    FOREIGN KEY (workspace_id, author_id) REFERENCES people (workspace_id, id)
);
INSERT INTO interactions_rebuilt (id, workspace_id, account_id, contact_id, author_id, kind, occurred_at, summary,
                                  next_step, next_step_due, source, source_id, created_at, tone, number)
SELECT id, workspace_id, account_id, contact_id, author_id, kind, occurred_at, summary,
       next_step, next_step_due, source, source_id, created_at, tone, number
FROM interactions;
DROP TABLE interactions;
ALTER TABLE interactions_rebuilt RENAME TO interactions;
CREATE UNIQUE INDEX interactions_by_source ON interactions (workspace_id, source, source_id) WHERE source_id IS NOT NULL;
CREATE INDEX interactions_by_account ON interactions (account_id, occurred_at);
CREATE INDEX interactions_by_account_kind ON interactions (account_id, kind, occurred_at);
CREATE INDEX interactions_by_contact ON interactions (contact_id, occurred_at);
CREATE UNIQUE INDEX interactions_by_number ON interactions (workspace_id, number);
CREATE INDEX interactions_by_author ON interactions (workspace_id, author_id, occurred_at);
CREATE INDEX interactions_with_tone ON interactions (account_id, occurred_at, tone) WHERE tone IS NOT NULL;
CREATE INDEX interactions_next_steps ON interactions (workspace_id, next_step_due) WHERE next_step_due IS NOT NULL;
COMMIT;
PRAGMA foreign_keys = ON;
