// `npm start` as a person runs it: a real process on the embedded database.
import { spawn, spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: "info" };
  return { ...env, ...extra };
}

async function waitForHealth(url: string, child: ReturnType<typeof spawn>): Promise<Response> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`app exited with ${child.exitCode}`);
    try {
      return await fetch(`${url}/healthz`);
    } catch {
      await new Promise((r) => setTimeout(r, 100)); // polling a starting process, not timing a rule
    }
  }
  throw new Error("app did not answer /healthz");
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
    const port = String(20000 + Math.floor(Math.random() * 20000));
    const env = cleanEnv({ PORT: port, DATABASE_URL: `file:${dir}` });

    const first = spawn(tsx, ["src/main.ts"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let logs = "";
    first.stderr!.on("data", (d) => (logs += d));
    const res = await waitForHealth(`http://127.0.0.1:${port}`, first);
    expect(res.status).toBe(200);
    expect(logs).toMatch(/Slack is off/);
    expect(await stop(first)).toBe(0);

    const second = spawn(tsx, ["src/main.ts"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let logs2 = "";
    second.stderr!.on("data", (d) => (logs2 += d));
    expect((await waitForHealth(`http://127.0.0.1:${port}`, second)).status).toBe(200);
    expect(logs2).not.toMatch(/database migrated/); // already at the latest migration
    expect(await stop(second)).toBe(0);
  }, 120_000);

  it("refuses to start on a malformed value, naming the variable in one line", () => {
    const run = spawnSync(tsx, ["src/main.ts"], { cwd: root, env: cleanEnv({ DATABASE_URL: "mysql://root@localhost/x" }), encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual([
      'Configuration error: DATABASE_URL: unsupported scheme "mysql": use postgres://…, file:<dir> or a directory path',
    ]);
  }, 60_000);
});
