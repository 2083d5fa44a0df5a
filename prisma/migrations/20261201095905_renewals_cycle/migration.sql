-- Reminders are keyed by the deadline they remind of, so next year's thresholds are new rows
-- and no row is deleted when a deadline moves. Existing keys ("30d") get their deadline.
UPDATE "RenewalReminder" AS rr
SET "key" = to_char(r."expiresAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '/' || rr."key"
FROM "Renewal" AS r
WHERE r."id" = rr."renewalId" AND r."expiresAt" IS NOT NULL AND rr."key" NOT LIKE '%/%';

-- "Marked done" no longer exists: a renewal stops its reminders only by moving its deadline.
-- AlterTable
ALTER TABLE "Renewal" DROP COLUMN "doneAt";
