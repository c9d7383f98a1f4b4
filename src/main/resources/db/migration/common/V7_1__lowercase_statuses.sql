-- Every status column holds the state machine's wire form (the lowercase constant name, as in JSON
-- and URLs; org.hostwright.platform.Lifecycle#wire), and only a value its enum knows. Existing rows
-- are converted first, then each column gets a CHECK constraint listing the allowed values.

UPDATE orders SET status = LOWER(status);
UPDATE order_events SET from_status = LOWER(from_status), to_status = LOWER(to_status);
UPDATE payment_attempts SET status = LOWER(status);
UPDATE services SET status = LOWER(status);
UPDATE outbox_messages SET status = LOWER(status);
UPDATE prospects SET status = LOWER(status);
UPDATE hosted_sites SET status = LOWER(status);
UPDATE client_services SET status = LOWER(status);
UPDATE agency_subscriptions SET status = LOWER(status);

-- ordering.OrderStatus
ALTER TABLE orders ADD CONSTRAINT orders_status_ck
    CHECK (status IN ('pending', 'paid', 'active', 'failed', 'cancelled'));
ALTER TABLE order_events ADD CONSTRAINT order_events_from_status_ck
    CHECK (from_status IS NULL OR from_status IN ('pending', 'paid', 'active', 'failed', 'cancelled'));
ALTER TABLE order_events ADD CONSTRAINT order_events_to_status_ck
    CHECK (to_status IN ('pending', 'paid', 'active', 'failed', 'cancelled'));

-- payments.AttemptStatus
ALTER TABLE payment_attempts ADD CONSTRAINT payment_attempts_status_ck
    CHECK (status IN ('pending', 'completed', 'failed', 'expired'));

-- provisioning.ServiceStatus
ALTER TABLE services ADD CONSTRAINT services_status_ck
    CHECK (status IN ('requested', 'provisioning', 'active', 'failed', 'suspended', 'cancelled'));

-- notifications.OutboxStatus
ALTER TABLE outbox_messages ADD CONSTRAINT outbox_messages_status_ck
    CHECK (status IN ('queued', 'sent', 'held', 'failed'));

-- agency.ProspectStatus
ALTER TABLE prospects ADD CONSTRAINT prospects_status_ck
    CHECK (status IN ('new', 'contacted', 'qualified', 'converted', 'lost'));

-- agency.SiteStatus
ALTER TABLE hosted_sites ADD CONSTRAINT hosted_sites_status_ck
    CHECK (status IN ('draft', 'poc_ready', 'proposal_sent', 'accepted', 'live', 'suspended', 'cancelled'));

-- agency.ServiceKinds.Status (a client service)
ALTER TABLE client_services ADD CONSTRAINT client_services_status_ck
    CHECK (status IN ('pending', 'active', 'suspended', 'expired', 'cancelled'));

-- agency.Subscriptions.Status
ALTER TABLE agency_subscriptions ADD CONSTRAINT agency_subscriptions_status_ck
    CHECK (status IN ('active', 'suspended', 'cancelled'));
