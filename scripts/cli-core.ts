// What a one-off command-line script needs: the configuration, the database on DATABASE_URL
// (migrated first) and the core without Slack — its events are dropped, its state is written.
import { loadConfig, type Config } from "../src/config.js";
import { systemClock } from "../src/core/clock.js";
import { noEvents } from "../src/core/events.js";
import { createCore, type Core } from "../src/core/index.js";
import { openDatabase, type Database } from "../src/db/client.js";

export async function withCliCore<T>(run: (ctx: { core: Core; db: Database; config: Config; migrated: string[] }) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = await openDatabase(config.DATABASE_URL);
  try {
    const migrated = await db.migrate();
    const core = createCore({
      db: db.prisma,
      clock: systemClock,
      events: noEvents,
      settings: { systemAdminSlackIds: config.SLACK_ADMIN_USER_IDS, appLocale: config.APP_LOCALE, timeZone: config.APP_TIMEZONE, publicUrl: config.PUBLIC_URL ?? "" },
    });
    return await run({ core, db, config, migrated });
  } finally {
    await db.close();
  }
}
