-- A mail may be queued before it is rendered: its model (typed JSON) and language are kept, and the
-- delivery job (or the admin's outbox page, for mail held without SMTP) renders it later, off the
-- customer's path. Once rendered, the model goes and the subject and bodies stay, as before.
ALTER TABLE outbox_messages ALTER COLUMN subject DROP NOT NULL;
ALTER TABLE outbox_messages ALTER COLUMN body_text DROP NOT NULL;
ALTER TABLE outbox_messages ADD COLUMN model TEXT;
ALTER TABLE outbox_messages ADD COLUMN locale VARCHAR(35);
ALTER TABLE outbox_messages ADD CONSTRAINT outbox_messages_rendered_or_model
    CHECK ((subject IS NOT NULL AND body_text IS NOT NULL) OR (model IS NOT NULL AND locale IS NOT NULL AND template IS NOT NULL));
