// npm run policy:import -- allow|deny <file.csv>: replaces the app usage policy from a CSV file
// (the vendor's guide to alert e-mails 「重要なアラートメール設定」: app ID in the first column, no header). A malformed line is reported by its number
// and nothing is imported. Runs against DATABASE_URL, as the system.
import { readFile } from "node:fs/promises";
import { ConfigError, loadConfig } from "../src/config.js";
import { systemClock } from "../src/core/clock.js";
import { SYSTEM } from "../src/core/actors.js";
import { DomainError } from "../src/core/errors.js";
import { noEvents } from "../src/core/events.js";
import { DriverRegistry } from "../src/core/ports/index.js";
import { AgentDriver } from "../src/drivers/agent.js";
import { createCore } from "../src/core/index.js";
import { openDatabase } from "../src/db/client.js";

const [modeArg, file] = process.argv.slice(2);
const mode = modeArg?.toLowerCase();
if ((mode !== "allow" && mode !== "deny") || !file) {
  console.error("usage: npm run policy:import -- allow|deny <file.csv>");
  process.exit(2);
}

try {
  const config = loadConfig();
  const content = await readFile(file, "utf8");
  const db = await openDatabase(config.DATABASE_URL);
  try {
    await db.migrate();
    const core = createCore({
      db: db.prisma,
      statements: db.statements,
      clock: systemClock,
      events: noEvents,
      // Nothing here sends a command: the built-in agent (which only holds them) is enough.
      drivers: new DriverRegistry([new AgentDriver()]),
      settings: {
        systemAdminSlackIds: [],
        appLocale: config.APP_LOCALE,
        timeZone: config.APP_TIMEZONE,
        publicUrl: config.PUBLIC_URL ?? "",
      },
    });
    const result = await core.appPolicy.importCsv(
      { ...SYSTEM, id: "cli:policy-import" },
      mode === "allow" ? "ALLOW" : "DENY",
      content,
    );
    if (result.header) console.log(`line 1 ("${result.header}") is not an app ID: taken as a header and skipped`);
    console.log(`imported ${result.count} app IDs as the ${mode} list`);
  } finally {
    await db.close();
  }
} catch (err) {
  if (err instanceof DomainError || err instanceof ConfigError) {
    const lines = (err as DomainError).details?.lines as { line: number; reason: string }[] | undefined;
    if (lines?.length) {
      console.error("nothing was imported:");
      for (const l of lines) console.error(`  line ${l.line}: ${l.reason}`);
    } else console.error(err.message);
    process.exit(1);
  }
  if ((err as NodeJS.ErrnoException).code === "ENOENT") {
    console.error(`no such file: ${file}`);
    process.exit(1);
  }
  throw err;
}
