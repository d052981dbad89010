-- Every request that writes, by the platform's identity of it (Discord's interaction id, Slack's
-- trigger_id): a request delivered again (a replay, a retry) gets the first answer and writes
-- nothing. Kept a day.
CREATE TABLE handled_requests (
    workspace_id INTEGER NOT NULL REFERENCES workspaces (id),
    source       TEXT    NOT NULL,
    source_id    TEXT    NOT NULL,
    reply        TEXT,            -- the answer as JSON, once given
    handled_at   TEXT    NOT NULL,
    PRIMARY KEY (workspace_id, source, source_id)
) WITHOUT ROWID;
CREATE INDEX handled_requests_by_age ON handled_requests (handled_at);
