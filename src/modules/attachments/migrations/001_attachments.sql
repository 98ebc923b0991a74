-- Files people attach to business records: photos of a returned item, an inspection, a stored
-- item; a customer's signature at hand-over; a PDF. Records elsewhere keep attachment ids.
CREATE TABLE attachments (
  id            bigserial PRIMARY KEY,
  content_type  text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
  filename      text CHECK (filename IS NULL OR length(filename) BETWEEN 1 AND 255),
  size          integer NOT NULL CHECK (size > 0 AND size <= 10485760),
  sha256        text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  bytes         bytea NOT NULL CHECK (octet_length(bytes) = size),
  created_by    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);
