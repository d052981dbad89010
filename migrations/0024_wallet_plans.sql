-- A wallet period written before its year began is a plan, and stays one until that year's
-- figures are recorded during or after it: the date alone never turns a plan into the account's
-- share. The account's own figures are those of its newest period that is not a plan.
ALTER TABLE wallet_periods ADD COLUMN plan INTEGER NOT NULL DEFAULT 0 CHECK (plan IN (0, 1));

UPDATE wallet_periods SET plan = 1
 WHERE CAST(period AS INTEGER) > CAST(strftime('%Y', recorded_at) AS INTEGER);

UPDATE accounts SET wallet_minor = w.spend_minor, revenue_12m_minor = w.revenue_minor
  FROM (SELECT account_id, spend_minor, revenue_minor,
               ROW_NUMBER() OVER (PARTITION BY account_id ORDER BY period DESC) AS newest
          FROM wallet_periods WHERE plan = 0) AS w
 WHERE w.account_id = accounts.id AND w.newest = 1;
