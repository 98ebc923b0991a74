-- Who did it is `actor`; these say from where: the credential used (a session `session:<id>`
-- or an API key `api_key:<id>`, never a secret) and the client's address. Null for the event
-- log's own background work and the CLI, and for events written before this migration.
ALTER TABLE events ADD COLUMN credential text, ADD COLUMN address text;
