-- AlterTable
ALTER TABLE "LossReport" ADD COLUMN     "externalSubmittedAt" TIMESTAMP(3);
