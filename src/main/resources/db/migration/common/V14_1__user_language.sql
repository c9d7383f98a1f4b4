-- The language a user chose (profile, sign-up page, switcher); NULL: no choice yet, the browser's
-- language applies. E-mails to the user are written in it.
ALTER TABLE users ADD COLUMN language VARCHAR(8);
ALTER TABLE users ADD CONSTRAINT users_language_check CHECK (language IS NULL OR language IN ('en', 'sw', 'fr', 'de'));
