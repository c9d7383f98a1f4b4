-- Billing benchmark data, on PostgreSQL, in a database migrated by the application, after
-- bench/generate.sql (its customers end in @bench.hostwright.test):
--   :subs      renewals due within the next 13 days (the renewal step's window at 14 lead days): 100,000
--   :invoices  issued invoices with one line each, over two years, a realistic status mix: 1,000,000
--   psql -h 127.0.0.1 -U postgres -d hw_bench -v ON_ERROR_STOP=1 -v subs=100000 -v invoices=1000000 -f bench/generate-billing.sql
-- Bench rows are recognisable: subscriptions described 'Bench hosting …', invoices numbered with the prefix BENCH-
-- (their own counter, so the real INV- numbering stays gapless). Re-running first removes them.
\timing on
SET synchronous_commit = off;

-- previous run (and the renewal invoices a previous bench run made for the bench subscriptions, with the
-- reminders and other actions that run recorded). The doomed ids go to a table first: "IN (...) OR IN (...)"
-- over a million invoices does not fit work_mem, and PostgreSQL then rescans the list for every row (hours).
CREATE TEMP TABLE doomed_invoices AS
SELECT id FROM invoices WHERE number_prefix = 'BENCH-'
UNION
SELECT i.id FROM invoices i JOIN billing_subscriptions s ON s.id = i.subscription_id WHERE s.description LIKE 'Bench hosting %';
ALTER TABLE doomed_invoices ADD PRIMARY KEY (id);
ANALYZE doomed_invoices;
DELETE FROM billing_actions a USING doomed_invoices d WHERE a.invoice_id = d.id;
DELETE FROM credit_ledger c USING doomed_invoices d WHERE c.invoice_id = d.id;
DELETE FROM invoice_payments p USING doomed_invoices d WHERE p.invoice_id = d.id;
DELETE FROM payment_attempts p USING doomed_invoices d WHERE p.invoice_id = d.id;
DELETE FROM invoice_lines l USING doomed_invoices d WHERE l.invoice_id = d.id;
DELETE FROM invoice_lines l USING billing_subscriptions s WHERE l.subscription_id = s.id AND s.description LIKE 'Bench hosting %';
DELETE FROM invoices i USING doomed_invoices d WHERE i.id = d.id;
DELETE FROM billing_subscriptions WHERE description LIKE 'Bench hosting %';
DROP TABLE doomed_invoices;

CREATE TEMP TABLE bench_customers AS
SELECT id, (row_number() OVER (ORDER BY id)) - 1 AS n FROM users WHERE email LIKE '%@bench.hostwright.test' AND role = 'CUSTOMER';
SELECT count(*) AS bench_customers FROM bench_customers;

INSERT INTO billing_profiles (customer_id, country, tax_exempt, updated_at)
SELECT c.id, CASE WHEN c.n % 10 = 0 THEN 'LU' ELSE 'TZ' END, c.n % 50 = 0, now() FROM bench_customers c
ON CONFLICT (customer_id) DO NOTHING;

-- renewals due tomorrow .. in 13 days; negative source ids never meet a real service
INSERT INTO billing_subscriptions (source_kind, source_id, customer_id, description, currency, price_minor,
  billing_period, anchor_day, next_due_date, next_period_end, auto_renew, status, created_at, updated_at)
SELECT 'hosting', -g, c.id, 'Bench hosting ' || g, 'TZS', 1500000 + (g % 4) * 1500000, 'monthly',
       EXTRACT(DAY FROM d.due)::int, d.due, (d.due + interval '1 month' - interval '1 day')::date, TRUE, 'active',
       now(), now()
FROM generate_series(1, :subs) g
CROSS JOIN LATERAL (SELECT current_date + 1 + (g % 13) AS due) d
JOIN bench_customers c ON c.n = g % (SELECT count(*) FROM bench_customers);

-- issued invoices, one line each, numbered per year under the BENCH- prefix
INSERT INTO invoices (number, number_year, number_prefix, number_seq, customer_id, currency, status, subtotal_minor,
  tax_minor, total_minor, amount_paid_minor, issued_at, due_date, paid_at, prices_include_tax, customer_name,
  customer_country, business_name, created_at, updated_at)
SELECT 'BENCH-' || y || '-' || lpad(seq::text, 6, '0'), y, 'BENCH-', seq, customer_id, 'TZS', status,
       1271186, 228814, 1500000, CASE WHEN status IN ('paid', 'refunded') THEN 1500000 ELSE 0 END,
       issued, issued::date + 14, CASE WHEN status IN ('paid', 'refunded') THEN issued + interval '3 days' END,
       TRUE, 'Bench customer', 'TZ', 'Hostwright bench', issued, issued
FROM (SELECT g, c.id AS customer_id, i.issued, EXTRACT(YEAR FROM i.issued)::int AS y,
             row_number() OVER (PARTITION BY EXTRACT(YEAR FROM i.issued) ORDER BY g) AS seq,
             CASE WHEN g % 100 < 80 THEN 'paid' WHEN g % 100 < 93 THEN 'unpaid' WHEN g % 100 < 98 THEN 'cancelled'
                  ELSE 'refunded' END AS status
      FROM generate_series(1, :invoices) g
      CROSS JOIN LATERAL (SELECT now() - interval '730 days' + g * (interval '730 days' / :invoices) AS issued) i
      JOIN bench_customers c ON c.n = (g::bigint * 7919) % (SELECT count(*) FROM bench_customers)) s;

INSERT INTO invoice_lines (invoice_id, position, description, quantity, unit_price_minor, tax_rate_bp, tax_minor, total_minor)
SELECT id, 1, 'Bench hosting', 1, 1500000, 1800, 228814, 1500000 FROM invoices WHERE number_prefix = 'BENCH-';

INSERT INTO invoice_counters (number_year, prefix, last_number)
SELECT number_year, 'BENCH-', max(number_seq) FROM invoices WHERE number_prefix = 'BENCH-' GROUP BY number_year
ON CONFLICT (number_year, prefix) DO UPDATE SET last_number = EXCLUDED.last_number;

VACUUM ANALYZE billing_profiles;
VACUUM ANALYZE billing_subscriptions;
VACUUM ANALYZE invoices;
VACUUM ANALYZE invoice_lines;
SELECT (SELECT count(*) FROM billing_subscriptions WHERE description LIKE 'Bench hosting %') AS due_subscriptions,
       (SELECT count(*) FROM invoices WHERE number_prefix = 'BENCH-') AS invoices;
