-- Set-based writers (a spreadsheet import's INSERT … SELECT of 100,000 events) name no credential
-- or address per row: a transaction that writes for a request sets them once
-- (set_config('wareloop.credential' / 'wareloop.address', …, true)) and every event it inserts
-- without them takes them from there. appendEvent still writes its own, explicitly.
ALTER TABLE events ALTER COLUMN credential SET DEFAULT nullif(current_setting('wareloop.credential', true), '');
ALTER TABLE events ALTER COLUMN address SET DEFAULT nullif(current_setting('wareloop.address', true), '');
