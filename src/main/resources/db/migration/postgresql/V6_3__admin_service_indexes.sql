-- Admin services list at scale (300k services): search by domain or panel username, filter by status.
CREATE INDEX services_domain_trgm ON services USING gin (domain gin_trgm_ops);
CREATE INDEX services_username_trgm ON services USING gin (panel_username gin_trgm_ops);
CREATE INDEX services_domain_prefix_idx ON services (domain text_pattern_ops);
CREATE INDEX services_status_id_idx ON services (status, id DESC);
CREATE INDEX services_customer_id_idx ON services (customer_id, id DESC);
