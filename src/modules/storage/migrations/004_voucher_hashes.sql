-- Vouchers are never kept in plaintext: a deposit keeps its voucher's hash (to find the deposit by
-- the voucher), its last 2 characters (to show it masked, ••••AB), and, while the deposit is open,
-- the voucher sealed (AES-256-GCM) for the customer's voucher notice alone. vouchers.ts says how.
--
-- The hash is SHA-256(key || the voucher in capitals), key = 32 secret bytes: SHA-256 of
-- SECRET_KEY when it is set, else the database's own secret below. Not HMAC, because core
-- PostgreSQL has sha256() (PGlite too) but hmac() only in pgcrypto, which PGlite lacks, and the
-- existing vouchers must be hashed here, in SQL, the same way the server hashes new ones. With a
-- fixed-length key in front of a fixed-length voucher this keyed hash is as good as HMAC for us:
-- length extension only yields digests of longer messages, and no voucher is longer.

-- The database's own secret, made once here (so every process on this database agrees on it):
-- 32 bytes from two random UUIDs (244 random bits; gen_random_uuid() draws from the server's
-- strong random source and is core PostgreSQL since 13). It peppers the vouchers when SECRET_KEY
-- is not set, and vouchers made before SECRET_KEY was set (including those hashed below) are still
-- found by it afterwards. A dump holds it: only SECRET_KEY keeps a dump alone from revealing vouchers.
CREATE TABLE storage_voucher_secret (
  id          boolean PRIMARY KEY DEFAULT true CHECK (id),
  secret      bytea NOT NULL CHECK (octet_length(secret) = 32),
  created_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO storage_voucher_secret (secret) VALUES (decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'));

ALTER TABLE storage_deposits
  ADD COLUMN voucher_hash text,
  ADD COLUMN voucher_last2 text,
  -- Only for the customer's voucher notice, rendered later by the rules engine; NULL once the
  -- deposit is closed (and for deposits checked in before this migration: their notice is long gone).
  ADD COLUMN voucher_sealed bytea,
  ALTER COLUMN voucher_code DROP NOT NULL;

-- The plaintext goes in the same statement: the rows' new versions never hold it (the old
-- versions are dead tuples that vacuum reclaims; backups taken before this still hold them).
UPDATE storage_deposits d
   SET voucher_hash = encode(sha256(s.secret || convert_to(upper(d.voucher_code), 'UTF8')), 'hex'),
       voucher_last2 = right(upper(d.voucher_code), 2),
       voucher_code = NULL
  FROM storage_voucher_secret s;

ALTER TABLE storage_deposits
  DROP COLUMN voucher_code,
  ALTER COLUMN voucher_hash SET NOT NULL,
  ALTER COLUMN voucher_last2 SET NOT NULL,
  ADD CONSTRAINT storage_deposits_voucher_hash_key UNIQUE (voucher_hash),
  ADD CHECK (voucher_hash ~ '^[0-9a-f]{64}$'),
  ADD CHECK (voucher_last2 ~ '^[0-9A-Z]{2}$'),
  ADD CHECK (status = 'open' OR voucher_sealed IS NULL);
