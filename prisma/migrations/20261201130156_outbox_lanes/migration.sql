-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "lane" SMALLINT NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "OutboxMessage_state_lane_id_idx" ON "OutboxMessage"("state", "lane", "id");
