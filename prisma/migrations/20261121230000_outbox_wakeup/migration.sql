-- Wakes the outbox workers at commit: every replica LISTENing on "outbox" delivers a new
-- message at once instead of at its next 1-second poll. NOTIFY is sent only if the transaction
-- commits, and once per transaction however many rows it wrote. Prisma does not model
-- triggers; the poll still finds anything a missed notification leaves behind.
CREATE FUNCTION "outbox_wakeup"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('outbox', '');
  RETURN NULL;
END $$;

CREATE TRIGGER "outbox_wakeup" AFTER INSERT ON "OutboxMessage"
  FOR EACH STATEMENT EXECUTE FUNCTION "outbox_wakeup"();
