-- CreateEnum
CREATE TYPE "DeviceOwnership" AS ENUM ('company', 'personal');

-- AlterTable
ALTER TABLE "Device" ADD COLUMN     "apiLevel" INTEGER,
ADD COLUMN     "managementMode" TEXT,
ADD COLUMN     "ownership" "DeviceOwnership";
