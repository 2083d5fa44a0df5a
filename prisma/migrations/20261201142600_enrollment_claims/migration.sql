-- CreateTable
CREATE TABLE "EnrollmentClaim" (
    "id" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "platform" "Platform" NOT NULL,
    "name" TEXT NOT NULL,
    "model" TEXT,
    "serial" TEXT,
    "udid" TEXT,
    "imei" TEXT,
    "supervised" BOOLEAN NOT NULL,
    "ade" BOOLEAN NOT NULL,
    "ownerEmail" TEXT,
    "state" TEXT NOT NULL DEFAULT 'PENDING',
    "decidedBy" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EnrollmentClaim_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EnrollmentClaim_tokenHash_key" ON "EnrollmentClaim"("tokenHash");

-- CreateIndex
CREATE INDEX "EnrollmentClaim_deviceId_state_idx" ON "EnrollmentClaim"("deviceId", "state");
