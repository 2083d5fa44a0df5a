// The app as its own OS process (`node --import tsx src/main.ts`), as in production, so a
// latency bench measures the app's event loop and not the load generator sharing it.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { FakeSlack } from "../../test/support/fake-slack.js";
import { startReplica, stopReplica } from "../../test/reliability/replica-process.js";
import type { Target } from "./app.js";
import { scratchDatabase } from "./postgres.js";

export interface AppProcess {
  url: string;
  slack: FakeSlack;
}

/** prepare: runs on the database (DATABASE_URL) before the app starts, e.g. to seed a fleet. */
export async function withAppProcess<T>(
  target: Target,
  fn: (p: AppProcess) => Promise<T>,
  prepare?: (databaseUrl: string) => Promise<void>,
  /** Flags for node running the app (--cpu-prof to profile it). */
  nodeArgs: string[] = [],
  /** Settings for the app beside the test ones (test/support/harness.ts TEST_ENV). */
  env: Record<string, string> = {},
): Promise<T> {
  const slack = await new FakeSlack().start();
  // The admin exists in Slack (users.info answers and is cached, as in a real workspace).
  slack.addUser({ id: "UADMIN1", email: "admin.bench@example.com", name: "Bench Admin", locale: "en-US" });
  let databaseUrl: string;
  let drop: () => Promise<void>;
  if (target === "PGlite") {
    const dir = await mkdtemp(path.join(tmpdir(), "lostdesk-bench-"));
    databaseUrl = `file:${dir}`;
    drop = () => rm(dir, { recursive: true, force: true });
  } else {
    ({ url: databaseUrl, drop } = await scratchDatabase("_process"));
  }
  if (prepare) await prepare(databaseUrl);
  const app = await startReplica({ ...env, DATABASE_URL: databaseUrl, SLACK_API_URL: slack.apiUrl }, nodeArgs);
  try {
    return await fn({ url: app.url, slack });
  } finally {
    app.signal("SIGTERM");
    await Promise.race([app.exited, new Promise((r) => setTimeout(r, 30_000))]);
    await stopReplica(app);
    await slack.stop();
    await drop();
  }
}
