-- The photos returns took before attachments knew what they are on (attachments' migration 002):
-- linked once to their return, so a reader limited to some warehouses sees them only with it.
INSERT INTO attachment_links (attachment_id, entity_type, entity_id)
SELECT DISTINCT p.id, 'return', r.id::text FROM return_requests r CROSS JOIN LATERAL unnest(r.photo_ids) AS p(id)
WHERE EXISTS (SELECT 1 FROM attachments a WHERE a.id = p.id)
ON CONFLICT DO NOTHING;

INSERT INTO attachment_links (attachment_id, entity_type, entity_id)
SELECT DISTINCT p.id, 'return', r.id::text FROM return_requests r CROSS JOIN LATERAL unnest(r.receipt_photo_ids) AS p(id)
WHERE EXISTS (SELECT 1 FROM attachments a WHERE a.id = p.id)
ON CONFLICT DO NOTHING;

INSERT INTO attachment_links (attachment_id, entity_type, entity_id)
SELECT DISTINCT p.id, 'return', i.return_id::text FROM return_inspections i CROSS JOIN LATERAL unnest(i.photo_ids) AS p(id)
WHERE EXISTS (SELECT 1 FROM attachments a WHERE a.id = p.id)
ON CONFLICT DO NOTHING;
