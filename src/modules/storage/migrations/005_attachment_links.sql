-- The item photos and hand-over signatures storage took before attachments knew what they are on
-- (attachments' migration 002): linked once, a photo to its item, a signature to its deposit, so
-- a reader limited to some warehouses sees them only with those.
INSERT INTO attachment_links (attachment_id, entity_type, entity_id)
SELECT DISTINCT p.id, 'storage_item', i.code FROM storage_items i CROSS JOIN LATERAL unnest(i.photo_ids) AS p(id)
WHERE EXISTS (SELECT 1 FROM attachments a WHERE a.id = p.id)
ON CONFLICT DO NOTHING;

INSERT INTO attachment_links (attachment_id, entity_type, entity_id)
SELECT DISTINCT h.signature_attachment_id, 'storage_deposit', h.deposit_id::text FROM storage_handovers h
WHERE h.signature_attachment_id IS NOT NULL
ON CONFLICT DO NOTHING;
