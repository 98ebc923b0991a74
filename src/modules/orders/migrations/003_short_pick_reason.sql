-- Why a pick came up short (declared on the handheld): shown in the exception and kept with the pick.
ALTER TABLE order_picks ADD COLUMN reason text CHECK (reason IS NULL OR length(reason) <= 40);
