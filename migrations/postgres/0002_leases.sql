-- A lease is held by one process at a time until it lapses: the scheduler's lead among the
-- replicas sharing the database. Its holder renews it while it lives; another takes it once lapsed.
CREATE TABLE leases (
    name   TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    holder TEXT COLLATE "C" NOT NULL,
    until  TIMESTAMPTZ NOT NULL
);
