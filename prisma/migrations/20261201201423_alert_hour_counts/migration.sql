-- CreateTable
CREATE TABLE "AlertHourCount" (
    "hour" TIMESTAMP(3) NOT NULL,
    "type" TEXT NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "AlertHourCount_pkey" PRIMARY KEY ("hour","type")
);

-- Kept as alerts come and go: a statement's rows at once (transition tables), so a 1,000-alert
-- request or a retention pass deleting 10,000 touches each (hour, type) once. Rows are upserted in
-- key order so two requests writing the same hours cannot deadlock. Prisma does not model
-- triggers. An alert's type and createdAt are never changed, but if they were the update
-- trigger keeps the counts true.
CREATE FUNCTION "alert_hour_count_add"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "AlertHourCount" (hour, type, n)
  SELECT date_trunc('hour', "createdAt" - interval '1 millisecond'), type, count(*)::int
  FROM new_rows GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (hour, type) DO UPDATE SET n = "AlertHourCount".n + EXCLUDED.n;
  RETURN NULL;
END $$;

CREATE FUNCTION "alert_hour_count_remove"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "AlertHourCount" (hour, type, n)
  SELECT date_trunc('hour', "createdAt" - interval '1 millisecond'), type, -count(*)::int
  FROM old_rows GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (hour, type) DO UPDATE SET n = "AlertHourCount".n + EXCLUDED.n;
  DELETE FROM "AlertHourCount" c
  USING (SELECT DISTINCT date_trunc('hour', "createdAt" - interval '1 millisecond') AS hour, type FROM old_rows) o
  WHERE c.hour = o.hour AND c.type = o.type AND c.n <= 0;
  RETURN NULL;
END $$;

CREATE TRIGGER "alert_hour_count_insert" AFTER INSERT ON "Alert"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "alert_hour_count_add"();
CREATE TRIGGER "alert_hour_count_delete" AFTER DELETE ON "Alert"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "alert_hour_count_remove"();
CREATE TRIGGER "alert_hour_count_update_old" AFTER UPDATE ON "Alert"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "alert_hour_count_remove"();
CREATE TRIGGER "alert_hour_count_update_new" AFTER UPDATE ON "Alert"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "alert_hour_count_add"();

-- The alerts already stored.
INSERT INTO "AlertHourCount" (hour, type, n)
SELECT date_trunc('hour', "createdAt" - interval '1 millisecond'), type, count(*)::int FROM "Alert" GROUP BY 1, 2;
