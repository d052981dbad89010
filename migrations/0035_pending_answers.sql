-- Answers owed after their request was acknowledged (a slow command's deferred answer): the
-- replica working on one holds it, renewing `held_until`; if it dies, another replica answers the
-- request from `payload` once the hold lapses, while the platform still takes the answer
-- (`expires_at`). Deleted once answered. Not a workspace's: a request's, before it is read.
CREATE TABLE pending_answers (
    id          INTEGER PRIMARY KEY,
    platform    TEXT NOT NULL,
    kind        TEXT NOT NULL,
    payload     TEXT NOT NULL,
    received_at TEXT NOT NULL,
    held_until  TEXT NOT NULL,
    expires_at  TEXT NOT NULL
);
CREATE INDEX pending_answers_held ON pending_answers (held_until);
