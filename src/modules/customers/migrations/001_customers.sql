-- Customers and what belongs to them: contacts, addresses, tags and notes. Their timeline is the
-- event log (events.customer_id), not a table of this module.

-- Numbers for generated codes (C000123); a code given by the caller is used as it is.
CREATE SEQUENCE customer_code_seq;

CREATE TABLE customers (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code        text NOT NULL CHECK (code ~ '^[A-Za-z0-9._-]{1,32}$'),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  type        text NOT NULL DEFAULT 'person' CHECK (type IN ('person', 'company')),
  phone       text CHECK (length(phone) <= 32),
  email       text CHECK (length(email) <= 254),
  locale      text NOT NULL DEFAULT 'zh-CN' CHECK (locale IN ('zh-CN', 'en')),
  -- Normalised (trimmed, lower-case), unique and sorted by the service.
  tags        text[] NOT NULL DEFAULT '{}' CHECK (cardinality(tags) <= 50),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX customers_code_idx ON customers (code);
CREATE INDEX customers_tags_idx ON customers USING gin (tags);
CREATE INDEX customers_phone_idx ON customers (phone);
CREATE INDEX customers_email_idx ON customers (lower(email));

CREATE TABLE customer_contacts (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id  bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  role         text CHECK (length(role) <= 100),
  phone        text CHECK (length(phone) <= 32),
  email        text CHECK (length(email) <= 254),
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX customer_contacts_customer_idx ON customer_contacts (customer_id, id);

CREATE TABLE customer_addresses (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id     bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  label           text CHECK (length(label) <= 50),
  recipient_name  text NOT NULL CHECK (length(recipient_name) BETWEEN 1 AND 200),
  phone           text CHECK (length(phone) <= 32),
  country         text NOT NULL CHECK (country ~ '^[A-Z]{2}$'), -- ISO 3166-1 alpha-2
  province        text CHECK (length(province) <= 100),
  city            text CHECK (length(city) <= 100),
  district        text CHECK (length(district) <= 100),
  line1           text NOT NULL CHECK (length(line1) BETWEEN 1 AND 300),
  line2           text CHECK (length(line2) <= 300),
  postal_code     text CHECK (length(postal_code) <= 20),
  is_default      boolean NOT NULL DEFAULT false,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX customer_addresses_customer_idx ON customer_addresses (customer_id, id);
-- At most one default address per customer, whoever writes.
CREATE UNIQUE INDEX customer_addresses_one_default_idx ON customer_addresses (customer_id) WHERE is_default;

CREATE TABLE customer_notes (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id  bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  body         text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
  author       text NOT NULL, -- the actor: user:3, api_key:7
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX customer_notes_customer_idx ON customer_notes (customer_id, id);
