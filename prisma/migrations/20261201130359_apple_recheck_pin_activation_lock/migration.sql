-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "CommandType" ADD VALUE 'ACTIVATION_LOCK_BYPASS_CODE';
ALTER TYPE "CommandType" ADD VALUE 'CLEAR_ACTIVATION_LOCK';

-- AlterTable
ALTER TABLE "Command" ADD COLUMN     "findMyPinSealed" TEXT,
ADD COLUMN     "recheckDueAt" TIMESTAMP(3),
ADD COLUMN     "rechecks" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Device" ADD COLUMN     "activationLockBypassAt" TIMESTAMP(3),
ADD COLUMN     "activationLockBypassSealed" TEXT,
ADD COLUMN     "mdmTopic" TEXT;

-- CreateIndex
CREATE INDEX "Command_state_recheckDueAt_idx" ON "Command"("state", "recheckDueAt");
