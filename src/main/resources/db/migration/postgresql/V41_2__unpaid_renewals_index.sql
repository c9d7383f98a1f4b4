-- The suspension, termination warning and termination steps act on renewal invoices only
-- (i.subscription_id IS NOT NULL, spelled out in their selection). Termination has no lower bound on the due
-- date, so without this index it walked every old unpaid invoice (one-off, merged, upgrade: 122,000 in the
-- bench, about 1 s a query) to find the few renewals among them. PostgreSQL only (H2 has no partial index;
-- its databases are small).
CREATE INDEX invoices_renewals_due_idx ON invoices (status, due_date, id) WHERE subscription_id IS NOT NULL;
