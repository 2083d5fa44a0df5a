// One writer per PGlite directory: a second open (another process, or this one twice) is refused
// naming the directory and the holder; a holder that died leaves a lock that is taken over.
import { spawn } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.js";

const root = path.resolve(import.meta.dirname, "../..");
let parent = "";
afterAll(async () => {
  if (parent) await rm(parent, { recursive: true, force: true });
});

function npmStart(dir: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: "0", DATABASE_URL: `file:${dir}` },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr += d));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, stderr })));
}

it("a PGlite directory has one writer: a second opener or `npm start` is refused in one line; a dead holder's lock is taken over", async () => {
  parent = await mkdtemp(path.join(tmpdir(), "lostdesk-lock-"));
  const dir = path.join(parent, "pglite");
  const holder = await openDatabase({ kind: "pglite", dir });
  try {
    await expect(openDatabase({ kind: "pglite", dir })).rejects.toThrow(
      `the database directory ${dir} is in use by this process (opened twice)`,
    );

    const second = await npmStart(dir);
    expect(second.code).toBe(1);
    const lines = second.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(
      `start-up failed: the database directory ${dir} is in use by process ${process.pid} on ${hostname()} since `,
    );
    expect(lines[0]).toMatch(/stop that process first/);
  } finally {
    await holder.close();
  }
  expect(existsSync(`${dir}.lock`)).toBe(false);

  // kill -9 leaves the file behind: its pid no longer runs, so the next start takes it over.
  writeFileSync(
    `${dir}.lock`,
    JSON.stringify({ pid: 2 ** 22 + 17, host: hostname(), since: "2026-01-01T00:00:00.000Z" }),
  );
  const next = await openDatabase({ kind: "pglite", dir });
  expect(JSON.parse((await import("node:fs")).readFileSync(`${dir}.lock`, "utf8")).pid).toBe(process.pid);
  await next.close();
}, 90_000);
