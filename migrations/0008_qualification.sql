-- How attractive an account is (purchase potential, technological leadership, profitability,
-- strategic fit) and how strong we are there, each from 1 to 5.
CREATE TABLE qualifications (
    workspace_id   INTEGER NOT NULL,
    account_id     INTEGER NOT NULL PRIMARY KEY,
    potential      INTEGER NOT NULL CHECK (potential BETWEEN 1 AND 5),
    leadership     INTEGER NOT NULL CHECK (leadership BETWEEN 1 AND 5),
    profitability  INTEGER NOT NULL CHECK (profitability BETWEEN 1 AND 5),
    fit            INTEGER NOT NULL CHECK (fit BETWEEN 1 AND 5),
    strength       INTEGER NOT NULL CHECK (strength BETWEEN 1 AND 5),
    updated_at     TEXT    NOT NULL,
    FOREIGN KEY (workspace_id, account_id) REFERENCES accounts (workspace_id, id)
);
