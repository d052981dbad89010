-- Health scores as each weekly digest saw them, so that cards and /risks can show the trend.
CREATE TABLE health_snapshots (
    workspace_id INTEGER NOT NULL,
    account_id   INTEGER NOT NULL,
    taken_on     TEXT    NOT NULL,
    score        INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
    PRIMARY KEY (account_id, taken_on),
    FOREIGN KEY (workspace_id, account_id) REFERENCES accounts (workspace_id, id)
) WITHOUT ROWID;
