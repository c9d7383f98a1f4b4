-- Overdue-automation benchmark data (issue 11's scale), on PostgreSQL, after bench/generate.sql (100,000
-- customers) and bench/generate-services.sql (300,000 services); bench/generate-billing.sql's 1,000,000 BENCH-
-- invoices may be there too (their unpaid ones get the reminders a daily run would have sent them).
--   psql -h 127.0.0.1 -U postgres -d hw_bench -v ON_ERROR_STOP=1 -f bench/generate-overdue.sql
-- Optional: -v tz=Africa/Dar_es_Salaam (the app's HOSTWRIGHT_TIME_ZONE), -v lead=14 (renewal lead days).
--
-- It makes every bench service a monthly-renewed hosting service in the state a business is in after running
-- the automation every day until yesterday, so today's run has a normal day's work, not a backlog:
--   * each service's current period falls due on a day spread evenly over the month (its "phase");
--   * customers pay in four ways (by service id): 65 % two days before the due date, 15 % four days after it,
--     10 % ten days after it (suspended on day 7, restored on day 10), 10 % never (suspended on day 7, warned on
--     day 25, terminated on day 30); the never-payers' phases spread over 45 days so some reach day 30 today;
--   * every action the runs before today did is recorded in billing_actions (reminders -3, 0, 3 and 7 days from
--     the due date, suspensions, restorations, termination warnings), services are suspended where they would be.
-- Today's run then does, on 300,000 services: about 9,700 renewal invoices (the phase at the lead days), 10,000
-- reminders 3 days before, 3,200 on the day, 3,200 at 3 days, 1,700 at 7 days (and those of the BENCH- invoices),
-- 1,700 suspensions, 1,000 restorations (paid today, not yet restored), 670 termination warnings, 670
-- terminations. The counts are printed at the end.
-- "Today" is the app's: the business time zone's date, moved by the sandbox clock's offset if any.
-- Re-running first removes what a previous run of this generator, of bench/generate-billing.sql's renewals (its
-- 100,000 'Bench hosting' subscriptions) and of the app's bench runs made; the real counter is put back on the
-- highest number left, so numbering stays gapless.
\timing on
SET synchronous_commit = off;
\if :{?tz}
\else
\set tz 'Africa/Dar_es_Salaam'
\endif
\if :{?lead}
\else
\set lead 14
\endif
SELECT ((now() + make_interval(secs => COALESCE((SELECT offset_seconds FROM sandbox_clock WHERE id = 1), 0)::double precision))
        AT TIME ZONE :'tz')::date AS today \gset
SELECT :'today' AS today;

-- previous runs: the bench subscriptions' invoices (the generator's and the renewals the app made for them)
CREATE TEMP TABLE old_subs AS
SELECT id FROM billing_subscriptions WHERE description LIKE 'Overdue bench %' OR description LIKE 'Bench hosting %';
ALTER TABLE old_subs ADD PRIMARY KEY (id);
ANALYZE old_subs;
-- joins, not IN (subquery) with OR: the temp tables are too big for a hashed subplan
CREATE TEMP TABLE old_invoices AS
SELECT id FROM invoices WHERE number_prefix = 'BENCHO-'
UNION SELECT i.id FROM invoices i JOIN old_subs o ON o.id = i.subscription_id
UNION SELECT l.invoice_id FROM invoice_lines l JOIN old_subs o ON o.id = l.subscription_id
UNION SELECT i.id FROM invoices i JOIN billing_actions a ON a.invoice_id = i.id WHERE i.number_prefix = 'BENCH-';
ALTER TABLE old_invoices ADD PRIMARY KEY (id);
ANALYZE old_invoices;
-- the BENCH- invoices themselves stay (bench/generate-billing.sql's); only the actions on them go
DELETE FROM billing_actions a USING old_invoices o WHERE a.invoice_id = o.id;
DELETE FROM old_invoices o USING invoices i WHERE i.id = o.id AND i.number_prefix = 'BENCH-';
DELETE FROM invoice_lines l USING old_invoices o WHERE l.invoice_id = o.id;
DELETE FROM credit_ledger c USING old_invoices o WHERE c.invoice_id = o.id;
DELETE FROM invoice_payments p USING old_invoices o WHERE p.invoice_id = o.id;
UPDATE payment_attempts p SET invoice_id = NULL FROM old_invoices o WHERE p.invoice_id = o.id;
DELETE FROM invoices i USING old_invoices o WHERE i.id = o.id;
DELETE FROM billing_subscriptions s USING old_subs o WHERE s.id = o.id;
DELETE FROM outbox_messages WHERE template = 'billing-overdue' AND recipient LIKE '%@bench.hostwright.test';
UPDATE invoice_counters c SET last_number = COALESCE((SELECT max(i.number_seq) FROM invoices i
  WHERE i.number_year = c.number_year AND i.number_prefix = c.prefix), 0);

INSERT INTO billing_profiles (customer_id, country, tax_exempt, updated_at)
SELECT u.id, CASE WHEN u.id % 10 = 0 THEN 'LU' ELSE 'TZ' END, FALSE, now()
FROM users u WHERE u.email LIKE '%@bench.hostwright.test' AND u.role = 'CUSTOMER'
ON CONFLICT (customer_id) DO NOTHING;

-- one row per bench service: how its customer pays, its current period's due date, when it was paid (if it was)
CREATE TEMP TABLE scenario AS
SELECT x.*, (DATE :'today' + :lead - x.phase) AS due,
       CASE x.kind WHEN 'prompt' THEN DATE :'today' + :lead - x.phase - 2 WHEN 'late' THEN DATE :'today' + :lead - x.phase + 4
                   WHEN 'very_late' THEN DATE :'today' + :lead - x.phase + 10 END AS pays_on
FROM (SELECT s.id AS service_id, s.customer_id, s.plan_id, p.name AS plan_name, p.price_minor, p.currency, s.domain, k.kind,
             CASE WHEN k.kind = 'never' THEN ((s.id * 7919) % 45)::int ELSE ((s.id * 7919) % 30)::int END AS phase
      FROM services s
      JOIN users u ON u.id = s.customer_id AND u.email LIKE '%@bench.hostwright.test'
      JOIN plans p ON p.id = s.plan_id
      CROSS JOIN LATERAL (SELECT CASE WHEN (s.id * 31) % 100 < 65 THEN 'prompt' WHEN (s.id * 31) % 100 < 80 THEN 'late'
                                      WHEN (s.id * 31) % 100 < 90 THEN 'very_late' ELSE 'never' END AS kind) k) x;
-- the invoice of the current period exists unless it is made today; paid when the payment day has passed
-- (a very late payer paying today has paid before the run: the run restores the service)
ALTER TABLE scenario ADD COLUMN invoiced BOOLEAN, ADD COLUMN paid BOOLEAN;
UPDATE scenario SET invoiced = phase > 0,
                    paid = phase > 0 AND pays_on IS NOT NULL AND (pays_on < DATE :'today' OR (kind = 'very_late' AND pays_on = DATE :'today'));
CREATE INDEX ON scenario (service_id);
ANALYZE scenario;

UPDATE services s SET status = CASE WHEN NOT c.paid AND c.due + 7 < DATE :'today' THEN 'suspended'
                                    WHEN c.kind = 'very_late' AND c.pays_on = DATE :'today' THEN 'suspended' ELSE 'active' END,
       pending_action = NULL, pending_reason = NULL, pending_since = NULL, claimed_until = NULL, updated_at = now()
FROM scenario c WHERE c.service_id = s.id;

INSERT INTO billing_subscriptions (source_kind, source_id, customer_id, description, currency, price_minor, billing_period,
  anchor_day, next_due_date, next_period_end, auto_renew, status, plan_id, created_at, updated_at)
SELECT 'hosting', c.service_id, c.customer_id, 'Overdue bench ' || c.plan_name || ' – ' || c.domain, c.currency, c.price_minor,
       'monthly', EXTRACT(DAY FROM c.due)::int, n.next_due, (n.next_due + interval '1 month' - interval '1 day')::date,
       TRUE, 'active', c.plan_id, now(), now()
FROM scenario c
CROSS JOIN LATERAL (SELECT CASE WHEN c.paid THEN (c.due + interval '1 month')::date ELSE c.due END AS next_due) n;

-- the current periods' invoices, under their own prefix (the real numbering stays gapless)
INSERT INTO invoices (number, number_year, number_prefix, number_seq, customer_id, currency, status, subtotal_minor, tax_minor,
  total_minor, amount_paid_minor, issued_at, due_date, paid_at, subscription_id, period_start, prices_include_tax,
  customer_name, customer_country, business_name, created_at, updated_at)
SELECT 'BENCHO-' || y || '-' || lpad(seq::text, 6, '0'), y, 'BENCHO-', seq, customer_id, currency,
       CASE WHEN paid THEN 'paid' ELSE 'unpaid' END, net, price_minor - net, price_minor,
       CASE WHEN paid THEN price_minor ELSE 0 END, issued, due, CASE WHEN paid THEN pays_on + time '10:00' END,
       subscription_id, due, TRUE, 'Bench customer', 'TZ', 'Hostwright bench', issued, issued
FROM (SELECT c.*, b.id AS subscription_id, (c.price_minor * 10000 + 5900) / 11800 AS net,
             (c.due - 14) + time '03:00' AS issued, EXTRACT(YEAR FROM c.due - 14)::int AS y,
             row_number() OVER (PARTITION BY EXTRACT(YEAR FROM c.due - 14) ORDER BY c.service_id) AS seq
      FROM scenario c JOIN billing_subscriptions b ON b.source_kind = 'hosting' AND b.source_id = c.service_id
      WHERE c.invoiced) i;

INSERT INTO invoice_lines (invoice_id, position, description, subscription_id, service_kind, service_id, period_start, period_end,
  quantity, unit_price_minor, tax_rate_bp, tax_minor, total_minor)
SELECT i.id, 1, b.description, b.id, 'hosting', b.source_id, i.period_start, (i.period_start + interval '1 month' - interval '1 day')::date,
       1, i.total_minor, 1800, i.tax_minor, i.total_minor
FROM invoices i JOIN billing_subscriptions b ON b.id = i.subscription_id WHERE i.number_prefix = 'BENCHO-';

INSERT INTO invoice_counters (number_year, prefix, last_number)
SELECT number_year, 'BENCHO-', max(number_seq) FROM invoices WHERE number_prefix = 'BENCHO-' GROUP BY number_year
ON CONFLICT (number_year, prefix) DO UPDATE SET last_number = EXCLUDED.last_number;

-- what the daily runs before today did (run_date = the day each happened)
CREATE TEMP TABLE open_invoices AS
SELECT i.id AS invoice_id, i.due_date AS due, c.kind, c.pays_on, c.service_id
FROM invoices i LEFT JOIN billing_subscriptions b ON b.id = i.subscription_id
LEFT JOIN scenario c ON b.description LIKE 'Overdue bench %' AND c.service_id = b.source_id
WHERE (i.number_prefix = 'BENCHO-' OR (i.number_prefix = 'BENCH-' AND i.status = 'unpaid'))
  AND i.due_date > DATE :'today' - 60;
ANALYZE open_invoices;
INSERT INTO billing_actions (invoice_id, kind, step, service_id, outcome, run_date, created_at)
SELECT o.invoice_id, 'reminder', k.k, NULL, 'done', o.due + k.k, (o.due + k.k) + time '03:00'
FROM open_invoices o CROSS JOIN (VALUES (-3), (0), (3), (7)) k(k)
WHERE o.due + k.k < DATE :'today' AND (o.pays_on IS NULL OR o.pays_on > o.due + k.k);
INSERT INTO billing_actions (invoice_id, kind, step, service_id, outcome, run_date, created_at)
SELECT o.invoice_id, 'suspension', 0, o.service_id, 'done', o.due + 7, (o.due + 7) + time '03:00'
FROM open_invoices o WHERE o.kind IN ('very_late', 'never') AND o.due + 7 < DATE :'today';
INSERT INTO billing_actions (invoice_id, kind, step, service_id, outcome, run_date, created_at)
SELECT o.invoice_id, 'restoration', 0, o.service_id, 'done', o.pays_on, o.pays_on + time '10:00'
FROM open_invoices o WHERE o.kind = 'very_late' AND o.pays_on < DATE :'today';
INSERT INTO billing_actions (invoice_id, kind, step, service_id, outcome, run_date, created_at)
SELECT o.invoice_id, 'termination_warning', 0, NULL, 'done', o.due + 25, (o.due + 25) + time '03:00'
FROM open_invoices o WHERE o.kind = 'never' AND o.due + 25 < DATE :'today';

VACUUM ANALYZE services;
VACUUM ANALYZE billing_profiles;
VACUUM ANALYZE billing_subscriptions;
VACUUM ANALYZE invoices;
VACUUM ANALYZE invoice_lines;
VACUUM ANALYZE billing_actions;

-- what today's run has to do (the bench's share; other unpaid invoices in the database add to it)
SELECT (SELECT count(*) FROM scenario) AS services,
       (SELECT count(*) FROM scenario WHERE NOT invoiced) AS renewals_due,
       (SELECT count(*) FROM open_invoices o JOIN invoices i ON i.id = o.invoice_id WHERE i.status = 'unpaid'
          AND o.due IN (DATE :'today' + 3, DATE :'today', DATE :'today' - 3, DATE :'today' - 7)) AS reminders,
       (SELECT count(*) FROM scenario WHERE kind IN ('very_late', 'never') AND NOT paid AND due = DATE :'today' - 7) AS suspensions,
       (SELECT count(*) FROM scenario WHERE kind = 'very_late' AND pays_on = DATE :'today') AS restorations,
       (SELECT count(*) FROM scenario WHERE kind = 'never' AND due = DATE :'today' - 25) AS termination_warnings,
       (SELECT count(*) FROM scenario WHERE kind = 'never' AND due = DATE :'today' - 30) AS terminations;
