-- A next step is a commitment of its own: open until it is done or dropped, whatever is logged
-- after it. Before, only the newest interaction's next step counted as open, so a later log
-- closed an earlier promise without anyone deciding to.
CREATE TABLE commitments (
    id             INTEGER PRIMARY KEY,
    workspace_id   INTEGER NOT NULL REFERENCES workspaces (id),
    -- Its number in the workspace, shown in lists and typed in `/done N`.
    number         INTEGER NOT NULL,
    account_id     INTEGER NOT NULL,
    -- The interaction it was said in, if any.
    interaction_id INTEGER REFERENCES interactions (id),
    -- Who is reminded of it: the author unless someone else was named.
    owner_id       INTEGER NOT NULL,
    text           TEXT    NOT NULL,
    due_on         TEXT,
    status         TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
    created_at     TEXT    NOT NULL,
    closed_at      TEXT,
    closed_by      INTEGER,
    FOREIGN KEY (workspace_id, account_id) REFERENCES accounts (workspace_id, id),
    FOREIGN KEY (workspace_id, owner_id) REFERENCES people (workspace_id, id),
    FOREIGN KEY (workspace_id, closed_by) REFERENCES people (workspace_id, id)
);
CREATE UNIQUE INDEX commitments_by_number ON commitments (workspace_id, number);
CREATE INDEX commitments_open_by_due ON commitments (workspace_id, due_on) WHERE status = 'open';
CREATE INDEX commitments_open_by_account ON commitments (account_id, due_on) WHERE status = 'open';
CREATE INDEX commitments_open_by_owner ON commitments (workspace_id, owner_id, due_on) WHERE status = 'open';

-- Every next step logged so far becomes a commitment. It stays open if it was open by the old
-- rule (its interaction is the account's newest) or if its day has not come yet: a promise a
-- later log hid is brought back. The rest were followed by other work long ago and are kept as
-- dropped, closed when the interaction that followed them was logged.
INSERT INTO commitments (workspace_id, number, account_id, interaction_id, owner_id, text, due_on, status,
                         created_at, closed_at)
SELECT i.workspace_id,
       ROW_NUMBER() OVER (PARTITION BY i.workspace_id ORDER BY i.id),
       i.account_id, i.id, i.author_id, i.next_step, i.next_step_due,
       CASE WHEN n.id IS NULL OR i.next_step_due >= date('now') THEN 'open' ELSE 'dropped' END,
       i.created_at,
       CASE WHEN n.id IS NULL OR i.next_step_due >= date('now') THEN NULL ELSE n.created_at END
FROM interactions i
LEFT JOIN interactions n ON n.id = (
    SELECT j.id FROM interactions j
     WHERE j.account_id = i.account_id
       AND (j.occurred_at > i.occurred_at OR (j.occurred_at = i.occurred_at AND j.id > i.id))
     ORDER BY j.occurred_at, j.id LIMIT 1)
WHERE i.next_step IS NOT NULL AND TRIM(i.next_step) <> '';
