// `npm start` as a person runs it: a real process on the embedded database (and, for start-up
// under a held lock, on the PostgreSQL server when the suite runs against one).
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase, serverUrl } from "../support/db.js";
import { until } from "../support/until.js";

const root = path.resolve(import.meta.dirname, "../..");
// What `npm start` runs: one node process with tsx's loader, so a signal reaches the app itself
// (the tsx CLI wrapper relays signals and SIGKILLs a child slow to answer, e.g. on a loaded host).
const start = (env: NodeJS.ProcessEnv) =>
  spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: "info" };
  return { ...env, ...extra };
}

// Started on PORT=0 so no other test's server can hold its port; the URL comes from the log.
// Whatever the process printed is part of any failure, so a red CI says why it stopped.
function startApp(env: NodeJS.ProcessEnv) {
  const child = start(env);
  const out = { logs: "" };
  child.stderr!.on("data", (d) => (out.logs += d));
  child.stdout!.on("data", (d) => (out.logs += d));
  return { child, out };
}

async function waitForHealth({ child, out }: ReturnType<typeof startApp>): Promise<Response> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`app exited with ${child.exitCode}:\n${out.logs}`);
    const url = /"msg":"listening","url":"([^"]+)"/.exec(out.logs)?.[1];
    if (url) return fetch(`${url}/healthz`);
    await new Promise((r) => setTimeout(r, 100)); // polling a starting process, not timing a rule
  }
  throw new Error(`app did not start:\n${out.logs}`);
}

function stop(child: ReturnType<typeof spawn>): Promise<number | null> {
  return new Promise((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.kill("SIGTERM");
  });
}

describe("npm start", () => {
  it("serves /healthz on the embedded database, stops cleanly on SIGTERM, and keeps data across restarts", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "lostdesk-start-"));
    dirs.push(dir);
    const env = cleanEnv({ PORT: "0", DATABASE_URL: `file:${dir}` });

    const first = startApp(env);
    const res = await waitForHealth(first);
    expect(res.status).toBe(200);
    expect(first.out.logs).toMatch(/Slack is off/);
    expect(await stop(first.child)).toBe(0);

    const second = startApp(env);
    expect((await waitForHealth(second)).status).toBe(200);
    expect(second.out.logs).not.toMatch(/database migrated/); // already at the latest migration
    expect(await stop(second.child)).toBe(0);
  }, 120_000);

  it("says which port is taken when another program holds it, instead of crashing with a stack trace", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "lostdesk-busy-"));
    dirs.push(dir);
    const holder = createServer().listen(0);
    await once(holder, "listening");
    const { port } = holder.address() as AddressInfo;
    try {
      const app = startApp(cleanEnv({ PORT: String(port), DATABASE_URL: `file:${dir}` }));
      const [code] = await once(app.child, "exit");
      expect(code).toBe(1);
      expect(app.out.logs).toContain(
        `start-up failed: port ${port} is already in use: stop what uses it or set PORT to a free port`,
      );
      expect(app.out.logs).not.toMatch(/\n\s+at /); // no stack trace
    } finally {
      holder.close();
    }
  }, 120_000);

  it.runIf(serverUrl())(
    "stops cleanly on a SIGTERM that arrives while it is still starting (PostgreSQL)",
    async () => {
      // Start-up is held at a query by a lock the test holds, so the signal lands mid-start every time.
      const db = await createTestDatabase();
      const url = (db.target as { url: string }).url;
      const holder = new pg.Client({ connectionString: url });
      await holder.connect();
      try {
        await holder.query(`BEGIN; LOCK TABLE "OutboxMessage" IN ACCESS EXCLUSIVE MODE`);
        const app = startApp(cleanEnv({ PORT: "0", DATABASE_URL: url }));
        // Asked on another connection: inside its transaction the holder sees a frozen pg_stat_activity.
        await until(async () => {
          const waiting = await db.prisma.$queryRaw<
            unknown[]
          >`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
          return waiting.length > 0 || app.child.exitCode !== null;
        }, "start-up waiting on the held table");
        const exited = once(app.child, "exit");
        app.child.kill("SIGTERM");
        await holder.query("COMMIT");
        const [code] = await exited;
        expect(code, app.out.logs).toBe(0);
        expect(app.out.logs).toMatch(/"msg":"shutting down","signal":"SIGTERM"/);
      } finally {
        await holder.end();
        await db.close();
      }
    },
    120_000,
  );

  it("refuses to start on a malformed value, naming the variable in one line", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: root,
      env: cleanEnv({ DATABASE_URL: "mysql://root@localhost/x" }),
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual([
      'Configuration error: DATABASE_URL: unsupported scheme "mysql": use postgres://…, file:<dir> or a directory path',
    ]);
  }, 60_000);
});
