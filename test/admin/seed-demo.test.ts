// `npm run seed:demo` on a real database, twice: the demo company is there once, nothing doubles.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/db/client.js";
import { createTestDatabase, serverUrl } from "../support/db.js";

const run = promisify(execFile);
let dir: string | null = null;
let db: Database | null = null;
afterAll(async () => {
  await db?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

it("loads the demo company, and a second run adds nothing", async () => {
  // On PostgreSQL a fresh test database; else an embedded one in a temporary directory.
  let url: string;
  if (serverUrl()) {
    db = await createTestDatabase();
    url = (db.target as { url: string }).url;
  } else {
    dir = await mkdtemp(path.join(tmpdir(), "lostdesk-seed-"));
    url = dir;
  }
  const seed = () =>
    run(process.execPath, ["--import", "tsx", "scripts/seed-demo.ts"], {
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "error" },
      timeout: 120_000,
    });
  const first = await seed();
  expect(first.stdout).toContain("8 devices added");
  const second = await seed();
  expect(second.stdout).toContain("0 devices added, 8 updated");

  db ??= await openDatabase({ kind: "pglite", dir: dir! });
  const prisma = db.prisma;
  expect(await prisma.device.count()).toBe(8);
  expect(await prisma.person.count()).toBe(9);
  expect(await prisma.departmentAdmin.count()).toBe(3);
  expect(await prisma.person.count({ where: { isSystemAdmin: true } })).toBe(1);
  expect(await prisma.device.count({ where: { platform: "IOS", supervised: false } })).toBe(1);
  expect(await prisma.device.count({ where: { platform: "MACOS", ade: true } })).toBe(2);
  const renewals = await prisma.renewal.findMany({ orderBy: { expiresAt: "asc" } });
  expect(renewals.map((r) => r.kind)).toEqual(["PUSH_CERTIFICATE", "ANDROID_ENTERPRISE_GMAIL", "ADE_TOKEN"]);
}, 240_000);
