-- Key-account depth, first part: where each contact stands, the competitors in each account, and
-- the share of wallet period by period.

ALTER TABLE contacts ADD COLUMN stance TEXT CHECK (stance IN ('champion', 'supporter', 'neutral', 'detractor'));

CREATE TABLE competitors (
    id           INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL,
    account_id   INTEGER NOT NULL,
    name         TEXT    NOT NULL,
    folded_name  TEXT    NOT NULL,
    share_bp     INTEGER CHECK (share_bp BETWEEN 0 AND 10000), -- its estimated share of the customer's spend
    threat       TEXT    NOT NULL DEFAULT 'medium' CHECK (threat IN ('low', 'medium', 'high')),
    note         TEXT    NOT NULL DEFAULT '',
    updated_at   TEXT    NOT NULL,
    UNIQUE (account_id, folded_name),
    FOREIGN KEY (workspace_id, account_id) REFERENCES accounts (workspace_id, id)
);

-- The customer's category spend and our revenue for a period (a year, "2026").
CREATE TABLE wallet_periods (
    workspace_id  INTEGER NOT NULL,
    account_id    INTEGER NOT NULL,
    period        TEXT    NOT NULL,
    spend_minor   INTEGER NOT NULL CHECK (spend_minor >= 0),
    revenue_minor INTEGER NOT NULL CHECK (revenue_minor >= 0),
    recorded_at   TEXT    NOT NULL,
    PRIMARY KEY (account_id, period),
    FOREIGN KEY (workspace_id, account_id) REFERENCES accounts (workspace_id, id)
) WITHOUT ROWID;
