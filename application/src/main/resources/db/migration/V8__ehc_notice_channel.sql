-- How a notice left the product, so the case file can say whether a family was emailed or the
-- letter was only kept in the local outbox of a demo or trial installation. NULL while a notice
-- waits to be sent.
ALTER TABLE ehc_notice ADD COLUMN channel VARCHAR(20);

-- The sender address as the notice carried it: the configured address can change later, and a
-- tribunal bundle must show the letter as it went out.
ALTER TABLE ehc_notice ADD COLUMN sender VARCHAR(320);

-- Before this migration the only way out was the mail relay.
UPDATE ehc_notice SET channel = 'EMAIL' WHERE status = 'SENT';
