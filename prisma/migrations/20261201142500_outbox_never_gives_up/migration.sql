-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "fallbackFor" TEXT,
ADD COLUMN     "sendingSince" TIMESTAMP(3),
ADD COLUMN     "waitingFor" TEXT;
