// The app as its own OS process (`node --import tsx src/main.ts`), as in production, so a
// latency bench measures the app's event loop and not the load generator sharing it.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { FakeSlack } from "../../test/support/fake-slack.js";
import { SIGNING_SECRET, SlackRequests } from "../../test/support/slack-requests.js";
import { startReplica, stopReplica } from "../../test/reliability/replica-process.js";
import type { Target } from "./app.js";

export interface AppProcess {
  url: string;
  slack: FakeSlack;
  requests: SlackRequests;
}

const serverUrl = () => process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/bench";

export async function withAppProcess<T>(target: Target, fn: (p: AppProcess) => Promise<T>): Promise<T> {
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
    const u = new URL(serverUrl());
    const name = `${u.pathname.slice(1) || "bench"}_process`;
    const admin = async (sql: string) => {
      const c = new pg.Client({ connectionString: Object.assign(new URL(u), { pathname: "/postgres" }).toString() });
      await c.connect();
      try {
        await c.query(sql);
      } finally {
        await c.end();
      }
    };
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin(`CREATE DATABASE "${name}"`);
    databaseUrl = Object.assign(new URL(u), { pathname: `/${name}` }).toString();
    drop = () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
  const app = await startReplica({ DATABASE_URL: databaseUrl, SLACK_API_URL: slack.apiUrl });
  try {
    return await fn({ url: app.url, slack, requests: new SlackRequests(app.url, (id) => slack.responseUrl(id), SIGNING_SECRET) });
  } finally {
    app.signal("SIGTERM");
    await Promise.race([app.exited, new Promise((r) => setTimeout(r, 30_000))]);
    await stopReplica(app);
    await slack.stop();
    await drop();
  }
}
