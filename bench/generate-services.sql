-- 300,000 hosting services for the bench orders (run after bench/generate.sql, once the services table
-- exists). Services belong to the newest 300,000 active bench orders; a realistic status mix.
--   psql -h 127.0.0.1 -U postgres -d hw_bench -v ON_ERROR_STOP=1 -f bench/generate-services.sql
\timing on
SET synchronous_commit = off;
DELETE FROM services WHERE customer_id IN (SELECT id FROM users WHERE email LIKE '%@bench.hostwright.test');

INSERT INTO services (order_id, order_uuid, customer_id, plan_id, plan_slug, domain, panel_package, panel_username,
  status, attempts, last_error, last_attempt_at, last_provisioned_at, last_failed_at, created_at, updated_at)
SELECT o.id, o.uuid, o.customer_id, o.plan_id, o.plan_slug,
       COALESCE(o.domain, 'site' || o.id || '.hostwright-sites.test'),
       'pkg-' || o.plan_slug,
       'u' || lpad(to_hex(o.id), 7, '0'),
       CASE WHEN r < 0.85 THEN 'active' WHEN r < 0.90 THEN 'suspended' WHEN r < 0.93 THEN 'failed'
            WHEN r < 0.94 THEN 'provisioning' ELSE 'cancelled' END,
       1,
       CASE WHEN r >= 0.90 AND r < 0.93 THEN 'panel answered 503 Service Unavailable' END,
       o.paid_at + interval '30 seconds', o.paid_at + interval '90 seconds',
       CASE WHEN r >= 0.90 AND r < 0.93 THEN o.paid_at + interval '90 seconds' END,
       o.paid_at + interval '10 seconds', o.paid_at + interval '90 seconds'
FROM (SELECT o.*, random() AS r FROM orders o JOIN users u ON u.id = o.customer_id
      WHERE o.status = 'active' AND u.email LIKE '%@bench.hostwright.test'
      ORDER BY o.id DESC LIMIT 300000) o
ORDER BY o.id;

VACUUM ANALYZE services;
SELECT status, count(*) FROM services GROUP BY status ORDER BY 2 DESC;
