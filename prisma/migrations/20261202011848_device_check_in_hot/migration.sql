-- The check-in's last-seen update becomes a HOT update (decision 0159): no index holds
-- lastCheckInAt any more, and each page keeps room for a row's next version.
-- DropIndex
DROP INDEX "Device_lastCheckInAt_idx";

-- Pages written from now on are left 15 % free, so the new version of a row fits beside it.
ALTER TABLE "Device" SET (fillfactor = 85);
