-- Plans changed outside the application (SQL by hand, bench/generate.sql) bump the version too; the
-- application also bumps it itself in the same transaction (the embedded database has no such trigger).
CREATE FUNCTION catalog_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE catalog_version SET version = version + 1 WHERE id = 1;
    RETURN NULL;
END
$$;
CREATE TRIGGER plans_bump_catalog_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plans
    FOR EACH STATEMENT EXECUTE FUNCTION catalog_version_bump();
