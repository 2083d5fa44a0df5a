// npm run db:migrate: applies pending migrations to DATABASE_URL (the app also does this at start).
import { ConfigError, loadConfig } from "../src/config.js";
import { openDatabase } from "../src/db/client.js";
import { MigrationError } from "../src/db/schema-engine.js";

try {
  const config = loadConfig();
  const db = await openDatabase(config.DATABASE_URL);
  try {
    const applied = await db.migrate();
    console.log(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
  } finally {
    await db.close();
  }
} catch (err) {
  if (err instanceof ConfigError || err instanceof MigrationError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
