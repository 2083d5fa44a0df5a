// npm run outbox -- status | retry <id|all>: what waits for Slack, and re-driving it. `status`
// lists messages waiting for Slack's configuration (by reason), those backing off, and those Slack
// refused for good; `retry` makes one message (by id) or all of them due now, from a fresh start.
// A running app sends them within its next poll. Runs against DATABASE_URL.
import { ConfigError } from "../src/config.js";
import { withCliCore } from "./cli-core.js";

const USAGE = "usage: npm run outbox -- status | retry <id|all>";
const [action, which] = process.argv.slice(2);

if (!(action === "status" || (action === "retry" && which && (which === "all" || /^\d+$/.test(which))))) {
  console.error(USAGE);
  process.exit(2);
}

try {
  await withCliCore(async ({ core }) => {
    if (action === "retry") {
      const n = await core.outbox.retry(which === "all" ? "all" : BigInt(which!));
      console.log(
        n
          ? `${n} message(s) due now: a running app sends them within a second`
          : `nothing to retry${which === "all" ? "" : ` for id ${which}`} (sent already, or due anyway)`,
      );
      return;
    }
    const s = await core.outbox.status();
    console.log(`pending: ${s.pending}${s.oldestPending ? ` (oldest queued ${s.oldestPending.toISOString()})` : ""}`);
    console.log(`backing off after a failure: ${s.retrying}`);
    if (!s.waiting.length) console.log("waiting for Slack configuration: none");
    for (const w of s.waiting) console.log(`waiting for Slack configuration (${w.reason}): ${w.count}`);
    console.log(`refused by Slack for good: ${s.failed.length}`);
    for (const f of s.failed) {
      console.log(`  ${f.id}\t${f.method}\t${f.lastError ?? "?"}\tqueued ${f.createdAt.toISOString()}`);
    }
    if (s.waiting.length) console.log("fix what npm run doctor names; waiting messages then go out by themselves");
  });
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
