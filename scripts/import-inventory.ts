// npm run inventory:import -- people-and-devices.csv [--lang ja|en]
// Loads people and devices from a CSV (the /mdm export columns, headers in Japanese or English)
// into DATABASE_URL. All lines or none: a bad line prints its number and nothing is written.
import { readFile } from "node:fs/promises";
import { ConfigError } from "../src/config.js";
import { SYSTEM } from "../src/core/actors.js";
import { InventoryImportError } from "../src/core/inventory/index.js";
import { isLocale, type Locale } from "../src/i18n/index.js";
import { importErrorsText, importResultText } from "../src/slack/blocks/inventory-import.js";
import { withCliCore } from "./cli-core.js";

const args = process.argv.slice(2);
const langAt = args.indexOf("--lang");
const file = args.find((a, i) => !a.startsWith("--") && !(langAt >= 0 && i === langAt + 1));
if (!file) {
  console.error("usage: npm run inventory:import -- <file.csv> [--lang ja|en]");
  process.exit(2);
}
// Slack's markup (:emoji:) means nothing in a terminal.
const plain = (s: string) => s.replace(/:[a-z_]+: /g, "");

try {
  const text = await readFile(file, "utf8");
  await withCliCore(async ({ core, config }) => {
    const lang = langAt >= 0 ? args[langAt + 1] : config.APP_LOCALE;
    const locale: Locale = isLocale(lang) ? lang : config.APP_LOCALE;
    try {
      const summary = await core.inventory.importCsv({ ...SYSTEM, id: "cli:inventory-import" }, text);
      console.log(plain(importResultText(summary, locale)));
    } catch (err) {
      if (!(err instanceof InventoryImportError)) throw err;
      console.error(plain(importErrorsText(err.errors, locale, Infinity)));
      process.exitCode = 1;
    }
  });
} catch (err) {
  if (err instanceof ConfigError || (err as NodeJS.ErrnoException).code === "ENOENT") {
    console.error((err as Error).message);
    process.exit(1);
  }
  throw err;
}
