-- A letter is sent as HTML with a plain-text alternative, and may carry a plan from the case file.
-- The outbox keeps both forms as they went out, and the case file documents that went with it (ids
-- separated by commas), so a retried delivery sends the same letter and the case file can show it.
ALTER TABLE ehc_notice ADD COLUMN html TEXT;
ALTER TABLE ehc_notice ADD COLUMN attachments VARCHAR(2000);
