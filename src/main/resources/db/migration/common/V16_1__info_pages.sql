-- The public information pages linked from every page's footer (terms, privacy, contact), written by
-- an admin in Markdown. A page without a row shows its default text from the message bundle.
CREATE TABLE info_pages (
    slug VARCHAR(16) PRIMARY KEY,
    title VARCHAR(120) NOT NULL,
    body TEXT NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by VARCHAR(254),
    CONSTRAINT info_pages_slug_ck CHECK (slug IN ('terms', 'privacy', 'contact'))
);
