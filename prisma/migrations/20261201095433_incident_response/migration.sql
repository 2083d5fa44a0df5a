-- AlterTable
ALTER TABLE "Command" ADD COLUMN     "approvalsRequired" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "batchId" TEXT,
ADD COLUMN     "breakGlass" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "LossReport" ADD COLUMN     "escalatedAt" TIMESTAMP(3),
ADD COLUMN     "firstActionAt" TIMESTAMP(3),
ADD COLUMN     "lostModeOnAt" TIMESTAMP(3),
ADD COLUMN     "wipeAskedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "IncidentChecklistItem" (
    "reportId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "checkedBy" TEXT NOT NULL,
    "checkedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IncidentChecklistItem_pkey" PRIMARY KEY ("reportId","key")
);

-- CreateTable
CREATE TABLE "IncidentReminder" (
    "reportId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IncidentReminder_pkey" PRIMARY KEY ("reportId","key")
);

-- CreateTable
CREATE TABLE "CommandApproval" (
    "commandId" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "personId" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CommandApproval_pkey" PRIMARY KEY ("commandId","actor")
);

-- CreateTable
CREATE TABLE "PolicyChange" (
    "id" TEXT NOT NULL,
    "change" JSONB NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'PENDING',
    "proposedBy" TEXT NOT NULL,
    "proposedAt" TIMESTAMP(3) NOT NULL,
    "decidedBy" TEXT,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "PolicyChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PolicyChange_state_idx" ON "PolicyChange"("state");

-- CreateIndex
CREATE INDEX "Command_type_requestedAt_idx" ON "Command"("type", "requestedAt");

-- AddForeignKey
ALTER TABLE "IncidentChecklistItem" ADD CONSTRAINT "IncidentChecklistItem_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "LossReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommandApproval" ADD CONSTRAINT "CommandApproval_commandId_fkey" FOREIGN KEY ("commandId") REFERENCES "Command"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
