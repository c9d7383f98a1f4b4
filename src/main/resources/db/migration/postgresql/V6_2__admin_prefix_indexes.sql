-- One- and two-character searches are prefix searches (trigrams need three characters): btree
-- indexes with pattern operators answer them.
CREATE INDEX users_name_prefix_idx ON users (lower(name) text_pattern_ops);
CREATE INDEX users_email_prefix_idx ON users (email text_pattern_ops);
CREATE INDEX orders_domain_prefix_idx ON orders (domain text_pattern_ops);
