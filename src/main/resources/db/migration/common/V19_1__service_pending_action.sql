-- A panel action (suspend, activate, terminate) asked for and not yet answered by the panel:
-- the pages show it as pending until the job records the panel's answer. The reason, when an
-- admin gave one, goes to the customer in the e-mail sent once the panel has done it.
ALTER TABLE services ADD COLUMN pending_action VARCHAR(20);
ALTER TABLE services ADD COLUMN pending_reason VARCHAR(500);
ALTER TABLE services ADD COLUMN pending_since TIMESTAMP WITH TIME ZONE;
