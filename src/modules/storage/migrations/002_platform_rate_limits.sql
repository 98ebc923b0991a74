-- The portal's attempts are counted by the platform's rate limiter (rate_limit_attempts), shared
-- with the after-sales portal.
DROP TABLE storage_portal_attempts;
