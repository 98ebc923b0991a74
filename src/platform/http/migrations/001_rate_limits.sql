-- Attempts per key (a client address, a phone number, an order number) per fixed window, for the
-- routes anyone may call (the customer portal). In the database, so a limit holds across every
-- Wareloop process; old windows are deleted as new ones are counted.
CREATE TABLE rate_limit_attempts (
  key           text NOT NULL CHECK (length(key) BETWEEN 1 AND 300),
  window_start  timestamptz NOT NULL,
  attempts      integer NOT NULL CHECK (attempts >= 1),
  PRIMARY KEY (key, window_start)
);
CREATE INDEX rate_limit_attempts_window_idx ON rate_limit_attempts (window_start);
