// Wake-ups from the database. PostgreSQL delivers NOTIFY at commit to every session that
// LISTENs, so each replica hears of work any replica committed without polling for it.
// Polling stays as the safety net: a wake-up only makes things sooner, never correct.
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { log } from "../log.js";

export interface Listening {
  close(): Promise<void>;
}

const FIRST_RETRY_MS = 1_000;
const LAST_RETRY_MS = 30_000;

/** The embedded database is one session: its own commits notify it. */
export async function listenPglite(pglite: PGlite, channel: string, onNotify: () => void): Promise<Listening> {
  const unlisten = await pglite.listen(channel, () => onNotify());
  return { close: () => unlisten() };
}

/**
 * A connection of its own, outside Prisma's pool: LISTEN belongs to a session, and a pooled
 * connection is handed to other queries. It reconnects with backoff, and on every (re)connect
 * calls `onNotify` once for what was committed while it was not listening.
 */
export function listenPostgres(url: string, channel: string, onNotify: () => void): Listening {
  let current: pg.Client | null = null;
  let closed = false;
  let delay = FIRST_RETRY_MS;
  let timer: NodeJS.Timeout | null = null;

  const reconnectLater = (client: pg.Client, reason: string) => {
    if (closed || current !== client) return;
    current = null;
    client.end().catch(() => {});
    log.warn("database wake-up connection lost; relying on polling until it is back", { reason, retryInMs: delay });
    timer = setTimeout(() => void connect(), delay).unref();
    delay = Math.min(delay * 2, LAST_RETRY_MS);
  };

  const connect = async () => {
    timer = null;
    if (closed) return;
    const client = new pg.Client({ connectionString: url, application_name: "lostdesk-wakeup" });
    current = client;
    client.on("notification", (n) => n.channel === channel && onNotify());
    client.on("error", (err) => reconnectLater(client, err.message));
    client.on("end", () => reconnectLater(client, "connection closed"));
    try {
      await client.connect();
      await client.query(`LISTEN "${channel}"`);
      delay = FIRST_RETRY_MS;
      onNotify();
    } catch (err) {
      reconnectLater(client, (err as Error).message);
    }
  };

  void connect();
  return {
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      const client = current;
      current = null;
      await client?.end().catch(() => {});
    },
  };
}
