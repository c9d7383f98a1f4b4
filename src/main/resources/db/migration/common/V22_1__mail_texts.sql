-- E-mail texts an admin rewrote, per message key and language. A key without a row keeps the
-- text of the message bundle, so a new installation sends the shipped texts and "reset to
-- default" is a delete.
CREATE TABLE mail_texts (
    message_key VARCHAR(200) NOT NULL,
    language VARCHAR(8) NOT NULL,
    text VARCHAR(4000) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by VARCHAR(254),
    PRIMARY KEY (message_key, language)
);
