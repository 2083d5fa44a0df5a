-- AlterTable
ALTER TABLE "Device" ADD COLUMN     "searchWords" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE INDEX "Device_searchWords_idx" ON "Device" USING GIN ("searchWords");

-- CreateIndex
CREATE INDEX "Device_name_id_idx" ON "Device"("name", "id");

-- The picker's search words (see schema.prisma, Device.searchWords): every prefix (up to 24
-- characters) of each word of the given texts, lower-cased and NFKC-normalised; for words with
-- non-ASCII letters (Japanese names) every substring, since they are not split by spaces.
CREATE FUNCTION "device_search_words"(VARIADIC parts TEXT[]) RETURNS TEXT[]
LANGUAGE sql IMMUTABLE AS $$
  SELECT COALESCE(array_agg(DISTINCT substr(w.word, s, n)), ARRAY[]::TEXT[])
  FROM (
    SELECT word FROM unnest(regexp_split_to_array(lower(normalize(array_to_string(parts, ' '), NFKC)), '[\s,;:()''"/・·、。（）]+')) AS word
    WHERE word <> ''
  ) w
  CROSS JOIN LATERAL generate_series(1, CASE WHEN w.word ~ '[^\x01-\x7f]' THEN length(w.word) ELSE 1 END) AS s
  CROSS JOIN LATERAL generate_series(1, LEAST(length(w.word) - s + 1, 24)) AS n
$$;

CREATE FUNCTION "device_search_refresh"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  owner_name TEXT;
  owner_email TEXT;
  dept_name TEXT;
BEGIN
  IF NEW."ownerId" IS NOT NULL THEN
    SELECT p.name, p.email, d.name INTO owner_name, owner_email, dept_name
    FROM "Person" p LEFT JOIN "Department" d ON d.id = p."departmentId" WHERE p.id = NEW."ownerId";
  END IF;
  NEW."searchWords" := "device_search_words"(NEW.name, NEW.model, NEW.serial, NEW.udid, NEW.imei, NEW."phoneNumber", owner_name, owner_email, dept_name);
  RETURN NEW;
END $$;

CREATE TRIGGER "Device_search_words" BEFORE INSERT OR UPDATE OF name, model, serial, udid, imei, "phoneNumber", "ownerId", "searchWords" ON "Device"
FOR EACH ROW EXECUTE FUNCTION "device_search_refresh"();

-- An owner renamed or moved, a department renamed: their devices' words follow.
CREATE FUNCTION "device_search_person_changed"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Device" SET "searchWords" = ARRAY[]::TEXT[] WHERE "ownerId" = NEW.id;
  RETURN NULL;
END $$;

CREATE TRIGGER "Person_device_search_words" AFTER UPDATE OF name, email, "departmentId" ON "Person"
FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.email IS DISTINCT FROM NEW.email OR OLD."departmentId" IS DISTINCT FROM NEW."departmentId")
EXECUTE FUNCTION "device_search_person_changed"();

CREATE FUNCTION "device_search_department_changed"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Device" d SET "searchWords" = ARRAY[]::TEXT[] FROM "Person" p WHERE p.id = d."ownerId" AND p."departmentId" = NEW.id;
  RETURN NULL;
END $$;

CREATE TRIGGER "Department_device_search_words" AFTER UPDATE OF name ON "Department"
FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
EXECUTE FUNCTION "device_search_department_changed"();

-- Devices already there.
UPDATE "Device" SET "searchWords" = ARRAY[]::TEXT[];
