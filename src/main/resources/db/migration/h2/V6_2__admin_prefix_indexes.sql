-- H2 counterpart of postgresql/V6_2 (pattern-operator indexes are PostgreSQL-only).
SELECT 1;
