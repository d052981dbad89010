-- "Snooze 1 week" on a reminder: no reminders about the account until that day (inclusive).
CREATE TABLE account_snoozes (
    workspace_id INTEGER NOT NULL,
    account_id   INTEGER NOT NULL PRIMARY KEY,
    until        TEXT    NOT NULL,
    snoozed_by   INTEGER NOT NULL,
    FOREIGN KEY (workspace_id, account_id) REFERENCES accounts (workspace_id, id),
    FOREIGN KEY (workspace_id, snoozed_by) REFERENCES people (workspace_id, id)
);
