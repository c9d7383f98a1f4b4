-- Renewals, exactly once per service and period at the line level too: a merged invoice (same customer,
-- currency and due date) bills several periods, so the key that makes a period invoiced once is the line's.
CREATE UNIQUE INDEX invoice_lines_renewal_uk ON invoice_lines (subscription_id, period_start);

-- The plan a hosting service renews: the plan may bill its renewals earlier or later than the setting says.
ALTER TABLE billing_subscriptions ADD COLUMN plan_id BIGINT;
UPDATE billing_subscriptions SET plan_id = (SELECT h.plan_id FROM services h WHERE h.id = billing_subscriptions.source_id)
    WHERE source_kind = 'hosting';
CREATE INDEX billing_subscriptions_plan_idx ON billing_subscriptions (plan_id);

-- Days before the due date a plan's renewal invoice is made; NULL: the billing setting.
ALTER TABLE plans ADD COLUMN renewal_lead_days INT;
ALTER TABLE plans ADD CONSTRAINT plans_renewal_lead_days CHECK (renewal_lead_days BETWEEN 0 AND 365);
