-- The account plan, one per account and year, its goals, and the yearly reviews.
CREATE TABLE account_plans (
    id                INTEGER PRIMARY KEY,
    workspace_id      INTEGER NOT NULL,
    account_id        INTEGER NOT NULL,
    year              INTEGER NOT NULL,
    objectives        TEXT    NOT NULL DEFAULT '', -- our long-term objectives
    value_delivered   TEXT    NOT NULL DEFAULT '', -- the value we demonstrate
    value_evidence    TEXT    NOT NULL DEFAULT '',
    changes           TEXT    NOT NULL DEFAULT '', -- what changes next year
    depth             TEXT    NOT NULL DEFAULT '', -- how deep we are in the account
    resources         TEXT    NOT NULL DEFAULT '', -- the resources needed to grow
    updated_at        TEXT    NOT NULL,
    UNIQUE (account_id, year),
    UNIQUE (workspace_id, id),
    FOREIGN KEY (workspace_id, account_id) REFERENCES accounts (workspace_id, id)
);

CREATE TABLE plan_goals (
    id           INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL,
    plan_id      INTEGER NOT NULL,
    title        TEXT    NOT NULL,
    owner_id     INTEGER,
    due_on       TEXT,
    status       TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
    created_at   TEXT    NOT NULL,
    done_at      TEXT,
    FOREIGN KEY (workspace_id, plan_id) REFERENCES account_plans (workspace_id, id),
    FOREIGN KEY (workspace_id, owner_id) REFERENCES people (workspace_id, id)
);
CREATE INDEX plan_goals_by_plan ON plan_goals (plan_id, status);
