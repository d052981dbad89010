-- Opportunities with a key account, through the stages of the sale.
CREATE TABLE opportunities (
    id            INTEGER PRIMARY KEY,
    workspace_id  INTEGER NOT NULL,
    account_id    INTEGER NOT NULL,
    title         TEXT    NOT NULL,
    value_minor   INTEGER NOT NULL CHECK (value_minor >= 0),
    stage         TEXT    NOT NULL DEFAULT 'identified'
                  CHECK (stage IN ('identified', 'qualified', 'proposal', 'negotiation', 'won', 'lost')),
    close_on      TEXT,
    lost_reason   TEXT,
    owner_id      INTEGER NOT NULL,
    created_at    TEXT    NOT NULL,
    closed_at     TEXT,
    FOREIGN KEY (workspace_id, account_id) REFERENCES accounts (workspace_id, id),
    FOREIGN KEY (workspace_id, owner_id) REFERENCES people (workspace_id, id)
);
CREATE INDEX opportunities_by_account ON opportunities (workspace_id, account_id, stage);
CREATE INDEX opportunities_by_owner ON opportunities (workspace_id, owner_id, stage);
