// Entry point: read the environment, open and migrate the database, serve, stop gracefully.
import { ConfigError, loadConfig } from "./config.js";
import { openDatabase } from "./db/client.js";
import { MigrationError } from "./db/schema-engine.js";
import { startApp } from "./app.js";
import { configureLog, log } from "./log.js";
import { hostname } from "node:os";

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Configuration error: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  configureLog({ level: config.LOG_LEVEL });

  const db = await openDatabase(config.DATABASE_URL);
  try {
    const applied = await db.migrate();
    if (applied.length) log.info("database migrated", { applied });
  } catch (err) {
    console.error(err instanceof MigrationError ? err.message : `cannot open the database: ${(err as Error).message}`);
    console.error("The database was left as it was. Fix the cause above and start again.");
    await db.close().catch(() => {});
    process.exit(1);
  }

  // The replica's name in job leases and outbox claims: which process holds what is visible in the database.
  const starting = startApp({ config, db, schedule: true, doctor: true, instance: `${hostname()}:${process.pid}` });
  // Listening for signals before the app is up: a SIGTERM while it starts (a quick redeploy)
  // waits for the start to finish and then stops it cleanly, instead of killing it mid-way.
  const shutdown = async (signal: string) => {
    log.info("shutting down", { signal });
    const force = setTimeout(() => process.exit(1), 25_000).unref();
    const app = await starting.catch(() => null);
    await app?.stop();
    await db.close();
    clearTimeout(force);
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
  const app = await starting;
  log.info("listening", { url: app.url, database: config.DATABASE_URL.kind });
  process.on("unhandledRejection", (err) => log.error("unhandled rejection", { err: String(err) }));
}

void main().catch((err) => {
  console.error(`start-up failed: ${(err as Error).message}`);
  process.exit(1);
});
