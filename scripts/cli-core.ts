// What a one-off command-line script needs: the configuration, the database on DATABASE_URL
// (migrated first) and the core without Slack — its events are dropped, its state is written.
import { loadConfig, type Config } from "../src/config.js";
import { systemClock } from "../src/core/clock.js";
import { noEvents } from "../src/core/events.js";
import { DriverRegistry } from "../src/core/ports/index.js";
import { AgentDriver } from "../src/drivers/agent.js";
import { createCore, type Core } from "../src/core/index.js";
import { allTranslations } from "../src/i18n/index.js";
import { openDatabase, type Database } from "../src/db/client.js";

export async function withCliCore<T>(
  run: (ctx: { core: Core; db: Database; config: Config; migrated: string[] }) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const db = await openDatabase(config.DATABASE_URL);
  try {
    const migrated = await db.migrate();
    const core = createCore({
      db: db.prisma,
      statements: db.statements,
      clock: systemClock,
      events: noEvents,
      // Nothing here sends a command: the built-in agent (which only holds them) is enough.
      drivers: new DriverRegistry([new AgentDriver()]),
      settings: {
        systemAdminSlackIds: config.SLACK_ADMIN_USER_IDS,
        appLocale: config.APP_LOCALE,
        timeZone: config.APP_TIMEZONE,
        publicUrl: config.PUBLIC_URL ?? "",
        inventoryHeaders: allTranslations("csv.col."),
      },
    });
    return await run({ core, db, config, migrated });
  } finally {
    await db.close();
  }
}
