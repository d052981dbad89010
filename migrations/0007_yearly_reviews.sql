-- Yearly reviews of the account plan: an answer to each of the four questions and a rating.
CREATE TABLE yearly_reviews (
    id              INTEGER PRIMARY KEY,
    workspace_id    INTEGER NOT NULL,
    account_id      INTEGER NOT NULL,
    year            INTEGER NOT NULL,
    objectives      TEXT    NOT NULL, -- what our long-term objectives should be
    value           TEXT    NOT NULL, -- whether we demonstrate the value they expect
    changes         TEXT    NOT NULL, -- what to change next year
    depth           TEXT    NOT NULL, -- whether we are deep enough, and the resources needed
    rating          INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    next_objectives TEXT    NOT NULL DEFAULT '',
    reviewed_by     INTEGER NOT NULL,
    reviewed_at     TEXT    NOT NULL,
    FOREIGN KEY (workspace_id, account_id) REFERENCES accounts (workspace_id, id),
    FOREIGN KEY (workspace_id, reviewed_by) REFERENCES people (workspace_id, id)
);
CREATE INDEX yearly_reviews_by_account ON yearly_reviews (account_id, reviewed_at);
