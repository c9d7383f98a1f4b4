-- One row whose version grows with every change of the plans: each node keeps the plans on sale in
-- memory and reads this row (at most once a second) to know when to read them again.
CREATE TABLE catalog_version (
    id INT PRIMARY KEY,
    version BIGINT NOT NULL,
    CONSTRAINT catalog_version_single_row CHECK (id = 1)
);
INSERT INTO catalog_version (id, version) VALUES (1, 0);
