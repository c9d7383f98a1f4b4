-- What an invoice is for, when the billing automation must treat it apart: 'upgrade' is a plan change's
-- price difference (issue 12). Its service is paid for on the old plan, so an unpaid upgrade never
-- suspends nor terminates it and earns no late fee: it lapses (the invoice and the change are cancelled).
ALTER TABLE invoices ADD COLUMN purpose VARCHAR(16);
ALTER TABLE invoices ADD CONSTRAINT invoices_purpose CHECK (purpose IN ('upgrade'));

-- The lapse of an unpaid upgrade is a billing action like the others, done once per invoice.
ALTER TABLE billing_actions DROP CONSTRAINT billing_actions_kind;
ALTER TABLE billing_actions ADD CONSTRAINT billing_actions_kind CHECK (kind IN ('reminder', 'late_fee', 'suspension',
    'termination_warning', 'termination', 'restoration', 'upgrade_lapse'));

-- A plan change whose invoice was cancelled (lapsed, or cancelled by an admin) is cancelled too, and frees
-- the service for another change. The statuses get the CHECK every status column has.
ALTER TABLE plan_changes ADD CONSTRAINT plan_changes_status CHECK (status IN ('awaiting_payment', 'applying', 'done',
    'failed', 'cancelled'));
