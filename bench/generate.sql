-- Hostwright benchmark data: 100,000 customers, 1,000,000 orders (with their timeline) over two
-- years, on PostgreSQL, in a database already migrated by the application (start it once against
-- the database so Flyway creates the tables). Run with:
--   psql -h 127.0.0.1 -U postgres -d hw_bench -v ON_ERROR_STOP=1 -f bench/generate.sql
-- Services come from bench/generate-services.sql (the services table belongs to provisioning).
-- Every bench row is recognisable: e-mails end in @bench.hostwright.test, plan slugs start with bench-.
-- Re-running first removes the previous bench rows.
\timing on
SET synchronous_commit = off;
CREATE EXTENSION IF NOT EXISTS pgcrypto;

-- previous run
DELETE FROM order_events WHERE order_id IN (SELECT o.id FROM orders o JOIN users u ON u.id = o.customer_id
  WHERE u.email LIKE '%@bench.hostwright.test');
DELETE FROM orders WHERE customer_id IN (SELECT id FROM users WHERE email LIKE '%@bench.hostwright.test');
DELETE FROM users WHERE email LIKE '%@bench.hostwright.test';
DELETE FROM plans WHERE slug LIKE 'bench-%';

-- eight plans, mostly TZS (the default currency), one in EUR, three billing periods
INSERT INTO plans (slug, name, description, features, price_minor, currency, billing_period, active, sort_order,
  panel_package, created_at, updated_at)
VALUES
 ('bench-starter', 'Starter', 'One site', E'1 website\n5 GB SSD', 1500000, 'TZS', 'MONTHLY', TRUE, 1, 'starter', now() - interval '2 years', now()),
 ('bench-business', 'Business', 'Growing shops', E'10 websites\n50 GB SSD', 3500000, 'TZS', 'MONTHLY', TRUE, 2, 'business', now() - interval '2 years', now()),
 ('bench-pro', 'Pro', 'Agencies', E'Unlimited websites\n200 GB SSD', 7500000, 'TZS', 'MONTHLY', TRUE, 3, 'pro', now() - interval '2 years', now()),
 ('bench-starter-q', 'Starter (quarterly)', 'One site', E'1 website', 4200000, 'TZS', 'QUARTERLY', TRUE, 4, 'starter', now() - interval '2 years', now()),
 ('bench-business-y', 'Business (annual)', 'Growing shops', E'10 websites', 36000000, 'TZS', 'ANNUAL', TRUE, 5, 'business', now() - interval '2 years', now()),
 ('bench-pro-y', 'Pro (annual)', 'Agencies', E'Unlimited websites', 75000000, 'TZS', 'ANNUAL', TRUE, 6, 'pro', now() - interval '2 years', now()),
 ('bench-eu-hosting', 'EU Hosting', 'Agency clients', E'Managed hosting', 2900, 'EUR', 'MONTHLY', TRUE, 7, 'business', now() - interval '2 years', now()),
 ('bench-legacy', 'Legacy', 'No longer sold', E'1 website', 1000000, 'TZS', 'MONTHLY', FALSE, 8, 'starter', now() - interval '2 years', now());

-- 100,000 customers who signed up over two years (ids grow with time, as in production);
-- one bcrypt hash shared by all: password "bench-password-2026"
CREATE TEMP TABLE bench_names AS
SELECT ARRAY['Amina','Baraka','Neema','Juma','Rehema','Salim','Zawadi','Hamisi','Upendo','Daudi','Grace','Joseph',
             'Fatuma','Emmanuel','Halima','Peter','Mariam','John','Asha','Michael','Sarah','David','Lucy','Ali'] AS first,
       ARRAY['Mwakyusa','Mushi','Kimaro','Said','Mollel','Lyimo','Massawe','Njau','Shirima','Kweka','Temba','Mrema',
             'Ngowi','Swai','Urio','Minja','Komba','Mbwambo','Lema','Makundi','Moshi','Kessy','Mfinanga','Chuwa'] AS last;

INSERT INTO users (email, name, phone, password_hash, role, email_verified_at, must_change_password, enabled,
  created_at, updated_at)
SELECT 'customer' || g || '@bench.hostwright.test',
       n.first[1 + (g * 7) % 24] || ' ' || n.last[1 + (g * 13 / 7) % 24],
       '+2557' || lpad(((g * 7919) % 100000000)::text, 8, '0'),
       h.hash, 'CUSTOMER',
       CASE WHEN g % 5 <> 0 THEN now() - interval '730 days' + (g * interval '630 seconds') END,
       FALSE, TRUE,
       now() - interval '730 days' + (g * interval '630 seconds'),
       now() - interval '730 days' + (g * interval '630 seconds')
FROM generate_series(1, 100000) g, bench_names n, (SELECT crypt('bench-password-2026', gen_salt('bf', 10)) AS hash) h;

-- 1,000,000 orders over two years in time order; customers are skewed (a few buy a lot), plans weighted
-- towards the cheap ones; status mix close to a real shop's.
CREATE TEMP TABLE bench_plans AS SELECT id, slug, name, price_minor, currency, billing_period,
  row_number() OVER (ORDER BY sort_order) AS n FROM plans WHERE slug LIKE 'bench-%';
CREATE TEMP TABLE bench_users AS SELECT id, row_number() OVER (ORDER BY id) AS n, phone FROM users
  WHERE email LIKE '%@bench.hostwright.test';
CREATE INDEX ON bench_users (n);
ANALYZE bench_users;

CREATE TEMP TABLE bench_orders AS
SELECT g,
       -- squaring a uniform number skews the pick towards later (more recent) customers... bounded by the
       -- customers that existed when the order was placed
       1 + floor(power(random(), 0.7) * greatest(1, g / 10)) ::bigint AS user_n,
       CASE WHEN r1 < 0.35 THEN 1 WHEN r1 < 0.60 THEN 2 WHEN r1 < 0.72 THEN 3 WHEN r1 < 0.82 THEN 4
            WHEN r1 < 0.90 THEN 5 WHEN r1 < 0.95 THEN 6 WHEN r1 < 0.99 THEN 7 ELSE 8 END AS plan_n,
       CASE WHEN r2 < 0.58 THEN 'active' WHEN r2 < 0.66 THEN 'paid' WHEN r2 < 0.80 THEN 'pending'
            WHEN r2 < 0.92 THEN 'failed' ELSE 'cancelled' END AS status,
       now() - interval '730 days' + (g * interval '63 seconds') AS created_at
FROM (SELECT g, random() AS r1, random() AS r2 FROM generate_series(1, 1000000) g) s;

INSERT INTO orders (uuid, customer_id, plan_id, plan_slug, plan_name, price_minor, currency, billing_period, phone,
  domain, status, payment_reference, created_at, updated_at, paid_at)
SELECT gen_random_uuid(), u.id, p.id, p.slug, p.name, p.price_minor, p.currency, p.billing_period, u.phone,
       CASE WHEN o.g % 10 < 7 THEN 'site' || o.g || '.' || (ARRAY['co.tz','com','or.tz','africa','net'])[1 + o.g % 5] END,
       o.status,
       CASE WHEN o.status IN ('active', 'paid') THEN 'ZP' || lpad(o.g::text, 10, '0') END,
       o.created_at, o.created_at + interval '3 minutes',
       CASE WHEN o.status IN ('active', 'paid') THEN o.created_at + interval '2 minutes' END
FROM bench_orders o JOIN bench_users u ON u.n = o.user_n JOIN bench_plans p ON p.n = o.plan_n
ORDER BY o.g;

-- the timeline: creation, then the payment or failure, then activation
INSERT INTO order_events (order_id, occurred_at, from_status, to_status, cause)
SELECT o.id, o.created_at, NULL, 'pending', 'order placed' FROM orders o JOIN bench_plans p ON p.id = o.plan_id;
INSERT INTO order_events (order_id, occurred_at, from_status, to_status, cause)
SELECT o.id, o.created_at + interval '2 minutes', 'pending',
       CASE WHEN o.status IN ('active', 'paid') THEN 'paid' WHEN o.status = 'failed' THEN 'failed' ELSE 'cancelled' END,
       CASE WHEN o.status IN ('active', 'paid') THEN 'payment confirmed by webhook' WHEN o.status = 'failed'
            THEN 'payment failed: insufficient balance' ELSE 'cancelled by the customer' END
FROM orders o JOIN bench_plans p ON p.id = o.plan_id WHERE o.status <> 'pending';
INSERT INTO order_events (order_id, occurred_at, from_status, to_status, cause)
SELECT o.id, o.created_at + interval '4 minutes', 'paid', 'active', 'service provisioned'
FROM orders o JOIN bench_plans p ON p.id = o.plan_id WHERE o.status = 'active';

VACUUM ANALYZE users;
VACUUM ANALYZE orders;
VACUUM ANALYZE order_events;
SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM orders) AS orders,
       (SELECT count(*) FROM order_events) AS order_events;
