-- Separation of duties, per step of a chain: whether one person may act twice in it. A step's
-- row exists once known (the code lists the steps); `enforced` is the company's choice.
CREATE TABLE duty_rules (
  step        text PRIMARY KEY,
  enforced    boolean NOT NULL DEFAULT true,
  updated_by  text,
  updated_at  timestamptz NOT NULL DEFAULT now()
);
