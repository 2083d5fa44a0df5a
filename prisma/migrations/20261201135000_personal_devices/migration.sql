-- CreateEnum
CREATE TYPE "OwnerConsentState" AS ENUM ('PENDING', 'GIVEN', 'DECLINED', 'USED', 'EXPIRED');

-- AlterTable
ALTER TABLE "Device" ADD COLUMN     "byod" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "userEnrollment" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "OwnerConsent" (
    "id" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "reportId" TEXT,
    "ownerId" TEXT NOT NULL,
    "state" "OwnerConsentState" NOT NULL DEFAULT 'PENDING',
    "requestedBy" TEXT NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL,
    "decidedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "commandId" TEXT,

    CONSTRAINT "OwnerConsent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OwnerConsent_commandId_key" ON "OwnerConsent"("commandId");

-- CreateIndex
CREATE INDEX "OwnerConsent_deviceId_state_idx" ON "OwnerConsent"("deviceId", "state");

-- AddForeignKey
ALTER TABLE "OwnerConsent" ADD CONSTRAINT "OwnerConsent_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "Device"("id") ON DELETE CASCADE ON UPDATE CASCADE;
