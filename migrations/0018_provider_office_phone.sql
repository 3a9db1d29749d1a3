-- The provider's office phone: a caregiver calls the office with one tap from her day.
-- NULL while the provider has not given one.
ALTER TABLE providers ADD COLUMN office_phone TEXT;
