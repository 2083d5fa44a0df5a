-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "CommandType" ADD VALUE 'DEVICE_INFORMATION';
ALTER TYPE "CommandType" ADD VALUE 'SECURITY_INFO';

-- AlterTable
ALTER TABLE "Device" ADD COLUMN     "activationLockEnabled" BOOLEAN,
ADD COLUMN     "checkedOutAt" TIMESTAMP(3),
ADD COLUMN     "osVersion" TEXT,
ADD COLUMN     "productName" TEXT,
ADD COLUMN     "selfReportedAt" TIMESTAMP(3),
ADD COLUMN     "tokenUpdatedAt" TIMESTAMP(3);
