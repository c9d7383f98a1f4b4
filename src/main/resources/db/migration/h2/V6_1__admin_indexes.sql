-- H2 counterpart of postgresql/V6_1: plain indexes (no trigram or partial indexes in H2).
CREATE INDEX users_role_id_idx ON users (role, id DESC);
CREATE INDEX orders_status_id_idx ON orders (status, id DESC);
CREATE INDEX orders_customer_id_idx ON orders (customer_id, id DESC);
CREATE INDEX orders_paid_at_idx ON orders (paid_at);
CREATE INDEX audit_log_actor_email_idx ON audit_log (actor_email, id DESC);
