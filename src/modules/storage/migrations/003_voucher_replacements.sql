-- A lost voucher, replaced at the counter after an ID check: who asked, which document was shown
-- (its type and last four characters only: enough to recognise it, not to misuse it), and who
-- checked. The old voucher stops opening the deposit at once.
CREATE TABLE storage_voucher_replacements (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  deposit_id     bigint NOT NULL REFERENCES storage_deposits (id),
  holder_name    text NOT NULL,
  id_type        text NOT NULL CHECK (id_type IN ('resident_id', 'passport', 'driving_licence', 'hk_macau_permit', 'taiwan_permit', 'other')),
  id_last4       text NOT NULL CHECK (id_last4 ~ '^[0-9A-Z]{4}$'),
  note           text,
  replaced_by    text NOT NULL,
  replaced_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX storage_voucher_replacements_deposit_idx ON storage_voucher_replacements (deposit_id, id);
