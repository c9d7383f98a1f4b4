-- Fewer index entries per invoice written (the renewal step writes 100,000 in a run). PostgreSQL only:
-- * invoices_created_idx (id DESC) repeats the primary key, which PostgreSQL scans backwards just as well
--   (H2 keeps it: it does not read an index backwards);
-- * invoices_order_uk only needs the invoices of an order: renewal and one-off invoices (order_id NULL, most of
--   them) no longer each add an entry. The key is unchanged: one invoice per order (NULLs never collided).
DROP INDEX invoices_created_idx;
CREATE UNIQUE INDEX invoices_order_uk2 ON invoices (order_id) WHERE order_id IS NOT NULL;
DROP INDEX invoices_order_uk;
ALTER INDEX invoices_order_uk2 RENAME TO invoices_order_uk;
