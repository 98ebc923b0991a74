-- Receiving records units that arrived damaged as a discrepancy of their own, and keeps the photos
-- taken of the parcel at the dock with the request.
ALTER TABLE return_discrepancies DROP CONSTRAINT return_discrepancies_kind_check;
ALTER TABLE return_discrepancies ADD CONSTRAINT return_discrepancies_kind_check CHECK (kind IN ('wrong_item', 'missing', 'extra', 'damaged'));
ALTER TABLE return_requests ADD COLUMN receipt_photo_ids bigint[] NOT NULL DEFAULT '{}';
