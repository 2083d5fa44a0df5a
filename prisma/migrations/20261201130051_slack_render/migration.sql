-- CreateTable
CREATE TABLE "SlackRender" (
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "event" JSONB,
    "notBefore" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SlackRender_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SlackRender_notBefore_idx" ON "SlackRender"("notBefore");

-- Wakes the renderers at commit, as "outbox" wakes the delivery workers: a change's Slack
-- messages are rendered at once instead of at the next poll. Sent only if the transaction
-- commits, once per transaction.
CREATE FUNCTION "slack_render_wakeup"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('slack_render', '');
  RETURN NULL;
END $$;

CREATE TRIGGER "slack_render_wakeup" AFTER INSERT ON "SlackRender"
  FOR EACH STATEMENT EXECUTE FUNCTION "slack_render_wakeup"();
