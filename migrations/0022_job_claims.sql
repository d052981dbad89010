-- A job's occurrence is claimed before its messages are composed (outside any write transaction)
-- and done once they are queued. A claim whose holder died expires, and the next tick takes it.
ALTER TABLE job_runs ADD COLUMN state TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('claimed', 'done'));
ALTER TABLE job_runs ADD COLUMN claimed_until TEXT;
