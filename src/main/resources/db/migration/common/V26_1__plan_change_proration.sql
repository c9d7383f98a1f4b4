-- Plan changes are prorated: charge_minor is what the change costs for the rest of the
-- paid period (period_start to period_end, both included), invoiced when positive, put on
-- the customer's credit when negative (a downgrade). amount_minor stays the difference per
-- whole period. Changes made before proration charged the whole difference of an upgrade.
ALTER TABLE plan_changes ADD COLUMN charge_minor BIGINT DEFAULT 0 NOT NULL;
UPDATE plan_changes SET charge_minor = amount_minor WHERE amount_minor > 0;
ALTER TABLE plan_changes ADD COLUMN period_start DATE;
ALTER TABLE plan_changes ADD COLUMN period_end DATE;
-- how many times an admin retried a failed change: each retry is its own job instance
ALTER TABLE plan_changes ADD COLUMN retries INT DEFAULT 0 NOT NULL;
-- when the change was cancelled (by the customer, an admin, or its invoice's cancellation)
ALTER TABLE plan_changes ADD COLUMN cancelled_at TIMESTAMP WITH TIME ZONE;
-- the status column's CHECK (awaiting_payment, applying, done, failed, cancelled) comes with V25_2
