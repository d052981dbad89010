-- A lease is held by one process at a time until it lapses: the scheduler's lead among the
-- processes sharing a database. Its holder renews it while it lives; another takes it once lapsed.
CREATE TABLE leases (
    name   TEXT NOT NULL PRIMARY KEY,
    holder TEXT NOT NULL,
    until  TEXT NOT NULL
);
