-- The owner's department among the device's search words, as the word 'dept:<id>' (no typed
-- word can hold ':', the picker splits on it): a department administrator's picker then
-- narrows to her departments inside the word index, instead of walking the fleet in name
-- order and dropping every other department's device (decision "The device picker walks the
-- fleet by name, then asks the word index"). Only an accelerator: the query still checks the
-- owner's department itself.
CREATE OR REPLACE FUNCTION "device_search_refresh"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  owner_name TEXT;
  owner_email TEXT;
  dept_id TEXT;
  dept_name TEXT;
BEGIN
  IF NEW."ownerId" IS NOT NULL THEN
    SELECT p.name, p.email, d.id, d.name INTO owner_name, owner_email, dept_id, dept_name
    FROM "Person" p LEFT JOIN "Department" d ON d.id = p."departmentId" WHERE p.id = NEW."ownerId";
  END IF;
  NEW."searchWords" := "device_search_words"(NEW.name, NEW.model, NEW.serial, NEW.udid, NEW.imei, NEW."phoneNumber", owner_name, owner_email, dept_name)
    || CASE WHEN dept_id IS NULL THEN ARRAY[]::TEXT[] ELSE ARRAY['dept:' || dept_id] END;
  RETURN NEW;
END $$;

-- Devices whose owner is in a department.
UPDATE "Device" d SET "searchWords" = ARRAY[]::TEXT[] FROM "Person" p WHERE p.id = d."ownerId" AND p."departmentId" IS NOT NULL;
