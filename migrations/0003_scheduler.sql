-- Proactive planning: each account's clock kept on the row (so that a scheduler tick finds what is
-- due through indexes), job schedules and their recorded occurrences, reminder marks that keep a
-- reminder from being sent twice, the outbox of messages to deliver, meetings, and digest snapshots.

ALTER TABLE accounts ADD COLUMN last_contact_on TEXT;   -- local date of the last interaction
ALTER TABLE accounts ADD COLUMN contact_due_on TEXT;    -- last contact (or creation) + cadence
ALTER TABLE accounts ADD COLUMN next_planning_due TEXT; -- last planning meeting (or creation) + cadence

UPDATE accounts SET
    last_contact_on = (SELECT date(MAX(i.occurred_at)) FROM interactions i WHERE i.account_id = accounts.id),
    contact_due_on = date(
        COALESCE((SELECT MAX(i.occurred_at) FROM interactions i WHERE i.account_id = accounts.id), created_at),
        '+' || planning_cadence_days || ' days'),
    next_planning_due = date(
        COALESCE((SELECT MAX(i.occurred_at) FROM interactions i
                  WHERE i.account_id = accounts.id AND i.kind IN ('planning_meeting', 'yearly_review')), created_at),
        '+' || planning_cadence_days || ' days');

CREATE INDEX accounts_by_planning_due ON accounts (workspace_id, next_planning_due) WHERE status = 'active';
CREATE INDEX accounts_by_contact_due ON accounts (workspace_id, contact_due_on) WHERE status = 'active';
CREATE INDEX accounts_by_review ON accounts (workspace_id, yearly_review_on) WHERE status = 'active';

-- A workspace's own schedule for a job; without a row the job runs on its default.
CREATE TABLE job_schedules (
    workspace_id  INTEGER NOT NULL REFERENCES workspaces (id),
    job           TEXT    NOT NULL,
    cron          TEXT    NOT NULL,
    enabled       INTEGER NOT NULL DEFAULT 1,
    grace_minutes INTEGER NOT NULL DEFAULT 1440 CHECK (grace_minutes >= 0),
    PRIMARY KEY (workspace_id, job)
);

-- Every occurrence a job ran for, once: the unique key is what keeps a restart from running it again.
CREATE TABLE job_runs (
    id            INTEGER PRIMARY KEY,
    workspace_id  INTEGER NOT NULL REFERENCES workspaces (id),
    job           TEXT    NOT NULL,
    scheduled_for TEXT    NOT NULL,
    ran_at        TEXT    NOT NULL,
    messages      INTEGER NOT NULL DEFAULT 0,
    skipped       INTEGER NOT NULL DEFAULT 0, -- earlier occurrences missed during downtime, not run
    UNIQUE (workspace_id, job, scheduled_for)
);

-- A reminder already given (e.g. planning:2026-12-09:7d for account 3), so that it is given once.
CREATE TABLE reminder_marks (
    workspace_id INTEGER NOT NULL,
    account_id   INTEGER NOT NULL,
    mark         TEXT    NOT NULL,
    created_at   TEXT    NOT NULL,
    PRIMARY KEY (account_id, mark),
    FOREIGN KEY (workspace_id, account_id) REFERENCES accounts (workspace_id, id)
) WITHOUT ROWID;

-- Messages to deliver, written in the same transaction as the job run that produced them.
CREATE TABLE outbox (
    id               INTEGER PRIMARY KEY,
    workspace_id     INTEGER NOT NULL REFERENCES workspaces (id),
    job_run_id       INTEGER REFERENCES job_runs (id),
    person_id        INTEGER NOT NULL,
    platform         TEXT    NOT NULL,
    platform_user_id TEXT    NOT NULL,
    payload          TEXT    NOT NULL, -- the reply, as JSON
    status           TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT    NOT NULL,
    last_error       TEXT,
    created_at       TEXT    NOT NULL,
    expires_at       TEXT    NOT NULL,
    delivered_at     TEXT,
    FOREIGN KEY (workspace_id, person_id) REFERENCES people (workspace_id, id)
);
CREATE INDEX outbox_pending ON outbox (next_attempt_at) WHERE status = 'pending';
CREATE INDEX outbox_by_workspace ON outbox (workspace_id, status);

CREATE TABLE meetings (
    id           INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL,
    account_id   INTEGER NOT NULL,
    kind         TEXT    NOT NULL CHECK (kind IN ('planning', 'review', 'other')),
    starts_at    TEXT    NOT NULL,
    with_contacts TEXT   NOT NULL DEFAULT '',
    created_by   INTEGER NOT NULL,
    created_at   TEXT    NOT NULL,
    FOREIGN KEY (workspace_id, account_id) REFERENCES accounts (workspace_id, id),
    FOREIGN KEY (workspace_id, created_by) REFERENCES people (workspace_id, id)
);
CREATE INDEX meetings_upcoming ON meetings (workspace_id, starts_at);

-- What a manager's weekly digest showed, to say what changed since.
CREATE TABLE digest_snapshots (
    workspace_id INTEGER NOT NULL,
    manager_id   INTEGER NOT NULL,
    taken_at     TEXT    NOT NULL,
    at_risk      TEXT    NOT NULL, -- JSON array of account names
    revenue_minor INTEGER NOT NULL,
    wallet_minor INTEGER NOT NULL,
    PRIMARY KEY (manager_id, taken_at),
    FOREIGN KEY (workspace_id, manager_id) REFERENCES people (workspace_id, id)
);
