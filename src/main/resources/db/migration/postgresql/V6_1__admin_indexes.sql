-- Admin console at scale (100k customers, 1M orders): trigram indexes for substring search and
-- index-only paths for the lists and dashboard aggregates. pg_trgm is a trusted extension (PG 13+).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX users_name_trgm ON users USING gin (name gin_trgm_ops);
CREATE INDEX users_email_trgm ON users USING gin (email gin_trgm_ops);
CREATE INDEX users_phone_trgm ON users USING gin (phone gin_trgm_ops);
CREATE INDEX users_role_id_idx ON users (role, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX orders_domain_trgm ON orders USING gin (domain gin_trgm_ops);
CREATE INDEX orders_status_id_idx ON orders (status, id DESC);
CREATE INDEX orders_customer_id_idx ON orders (customer_id, id DESC);
-- revenue and top plans read only paid orders: partial, covering indexes answer them without the heap
CREATE INDEX orders_paid_revenue_idx ON orders (currency, price_minor) WHERE paid_at IS NOT NULL;
CREATE INDEX orders_paid_plan_idx ON orders (plan_id) WHERE paid_at IS NOT NULL;
CREATE INDEX orders_paid_at_idx ON orders (paid_at, currency, price_minor) WHERE paid_at IS NOT NULL;
CREATE INDEX audit_log_actor_email_idx ON audit_log (actor_email, id DESC);
