-- A free sentence read into an interaction waits here as a draft until its author confirms it,
-- cancels it, or lets it expire. Drafts live in the database so any process can confirm them.
CREATE TABLE drafts (
    id             INTEGER PRIMARY KEY,
    workspace_id   INTEGER NOT NULL REFERENCES workspaces (id),
    -- Its number in the workspace, shown on buttons and typed in `/confirm N`.
    number         INTEGER NOT NULL,
    author_id      INTEGER NOT NULL,
    -- What was read, as JSON (`core::capture::Draft`).
    body           TEXT    NOT NULL,
    state          TEXT    NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'confirmed', 'cancelled')),
    created_at     TEXT    NOT NULL,
    expires_at     TEXT    NOT NULL,
    settled_at     TEXT,
    -- The interaction a confirmed draft logged (its number in the workspace).
    interaction    INTEGER,
    FOREIGN KEY (workspace_id, author_id) REFERENCES people (workspace_id, id)
);
CREATE UNIQUE INDEX drafts_by_number ON drafts (workspace_id, number);
-- `/confirm` without a number takes the author's latest open draft.
CREATE INDEX drafts_by_author ON drafts (workspace_id, author_id, state, created_at);

-- A sentence naming a contact but no account offers that contact's accounts: contacts by name.
CREATE INDEX contacts_by_folded_name ON contacts (workspace_id, folded_name);
