-- What an attachment is on: the record (a return, say) that took it, by entity type and id as
-- the event log names it. A reader limited to some warehouses sees an attachment on a warehouse
-- thing only when that thing is theirs; one on nothing yet (just uploaded) stays visible.
CREATE TABLE attachment_links (
  attachment_id  bigint NOT NULL REFERENCES attachments (id),
  entity_type    text NOT NULL CHECK (length(entity_type) BETWEEN 1 AND 64),
  entity_id      text NOT NULL CHECK (length(entity_id) BETWEEN 1 AND 64),
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (attachment_id, entity_type, entity_id)
);

-- Each module links what it took before this table in a migration of its own (the returns
-- module's 003, the storage module's 005): those tables are theirs.
