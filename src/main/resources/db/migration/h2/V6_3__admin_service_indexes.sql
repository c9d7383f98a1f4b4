-- H2 counterpart of postgresql/V6_3: plain indexes only.
CREATE INDEX services_status_id_idx ON services (status, id DESC);
CREATE INDEX services_customer_id_idx ON services (customer_id, id DESC);
