-- A notice that carries the customer's secret (a storage voucher) is logged with it masked; the
-- text to send, with it, is kept here only while the delivery waits to be sent, and cleared once it
-- is sent, failed or skipped. No API reads these columns.
ALTER TABLE notification_deliveries ADD COLUMN outgoing_subject text, ADD COLUMN outgoing_body text;

-- Voucher notices logged before: mask the voucher (10 capitals and digits) to its last 2 characters.
UPDATE notification_deliveries
   SET outgoing_subject = CASE WHEN status = 'queued' THEN subject END,
       outgoing_body = CASE WHEN status = 'queued' THEN body END,
       body = regexp_replace(body, '\m[0-9A-Z]{8}([0-9A-Z]{2})\M', '••••\1', 'g'),
       subject = regexp_replace(subject, '\m[0-9A-Z]{8}([0-9A-Z]{2})\M', '••••\1', 'g')
 WHERE template_key = 'storage_deposit.checked_in';
