-- Whether an account already holds a commitment (any status) with a text and day: what an import
-- of open activities asks of every row, and `/tasks ACCOUNT` of the account's list.
CREATE INDEX commitments_by_account ON commitments (account_id, due_on);
