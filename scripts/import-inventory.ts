// npm run inventory:import -- people-and-devices.csv [--lang ja|en]
// Loads people and devices from a CSV (the /mdm export columns, headers in Japanese or English)
// into DATABASE_URL. All lines or none: a bad line prints its number and nothing is written.
import { readFile } from "node:fs/promises";
import { ConfigError, loadConfig } from "../src/config.js";
import { SYSTEM } from "../src/core/actors.js";
import { systemClock } from "../src/core/clock.js";
import { noEvents } from "../src/core/events.js";
import { createCore } from "../src/core/index.js";
import { InventoryImportError } from "../src/core/inventory/index.js";
import { openDatabase } from "../src/db/client.js";
import { isLocale, type Locale } from "../src/i18n/index.js";
import { importErrorsText, importResultText } from "../src/slack/blocks/inventory-import.js";

const args = process.argv.slice(2);
const langAt = args.indexOf("--lang");
const file = args.find((a, i) => !a.startsWith("--") && !(langAt >= 0 && i === langAt + 1));
if (!file) {
  console.error("usage: npm run inventory:import -- <file.csv> [--lang ja|en]");
  process.exit(2);
}

try {
  const config = loadConfig();
  const lang = langAt >= 0 ? args[langAt + 1] : config.APP_LOCALE;
  const locale: Locale = isLocale(lang) ? lang : config.APP_LOCALE;
  // Slack's markup (*bold*, :emoji:) means nothing in a terminal.
  const plain = (s: string) => s.replace(/:[a-z_]+: /g, "");
  const db = await openDatabase(config.DATABASE_URL);
  try {
    await db.migrate();
    const core = createCore({
      db: db.prisma,
      clock: systemClock,
      events: noEvents,
      settings: { systemAdminSlackIds: config.SLACK_ADMIN_USER_IDS, appLocale: config.APP_LOCALE, timeZone: config.APP_TIMEZONE, publicUrl: config.PUBLIC_URL ?? "" },
    });
    const text = await readFile(file, "utf8");
    try {
      const summary = await core.inventory.importCsv({ ...SYSTEM, id: "cli:inventory-import" }, text);
      console.log(plain(importResultText(summary, locale)));
    } catch (err) {
      if (!(err instanceof InventoryImportError)) throw err;
      console.error(plain(importErrorsText(err.errors, locale, Infinity)));
      process.exitCode = 1;
    }
  } finally {
    await db.close();
  }
} catch (err) {
  if (err instanceof ConfigError || (err as NodeJS.ErrnoException).code === "ENOENT") {
    console.error((err as Error).message);
    process.exit(1);
  }
  throw err;
}
