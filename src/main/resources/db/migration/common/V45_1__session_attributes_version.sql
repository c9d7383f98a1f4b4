-- Moved by every save that changes a session (platform.web.SessionSnapshots): a node keeps the
-- session attributes it deserialised and reads them again only when this number moved.
ALTER TABLE spring_session ADD COLUMN attributes_version BIGINT DEFAULT 0 NOT NULL;
