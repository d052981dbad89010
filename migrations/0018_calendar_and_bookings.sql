-- A workspace's own days off, beyond Brazil's national holidays (which are computed, not stored):
-- reminders skip them, and a meeting or due date on one is flagged.
CREATE TABLE workspace_holidays (
    workspace_id INTEGER NOT NULL REFERENCES workspaces (id),
    day          TEXT    NOT NULL,
    name         TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (workspace_id, day)
) WITHOUT ROWID;

-- The next planning meeting booked with an account is read with its card, its health and the
-- reminders: by account and time.
CREATE INDEX meetings_by_account ON meetings (account_id, starts_at);

-- Next steps due are reminded: the interactions that carry a due date, by workspace and day.
CREATE INDEX interactions_next_steps ON interactions (workspace_id, next_step_due) WHERE next_step_due IS NOT NULL;
