import { mkdtemp, mkdir, writeFile, cp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.js";
import { MIGRATIONS_DIR, applyMigrations, readMigrations } from "../../src/db/schema-engine.js";
import { createTestDatabase } from "../support/db.js";

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe("database and migrations", () => {
  it("applies every migration once and records it like prisma migrate deploy", async () => {
    const db = await createTestDatabase();
    const recorded = await db.prisma.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
      SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name`;
    const onDisk = (await readMigrations()).map((m) => m.name);
    expect(recorded.map((r) => r.migration_name)).toEqual(onDisk);
    expect(recorded.every((r) => r.finished_at)).toBe(true);
    expect(await db.migrate()).toEqual([]); // already at the latest: starts without change
    await db.close();
  });

  it("keeps the data across a restart of the embedded database", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "lostdesk-pglite-"));
    dirs.push(dir);
    const first = await openDatabase({ kind: "pglite", dir });
    await first.migrate();
    await first.prisma.department.create({ data: { name: "Field Sales" } });
    await first.close();

    const second = await openDatabase({ kind: "pglite", dir });
    expect(await second.migrate()).toEqual([]);
    expect((await second.prisma.department.findMany()).map((d) => d.name)).toEqual(["Field Sales"]);
    await second.close();
  });

  it("stops on a failed migration and leaves the data as it was", async () => {
    const migrations = await mkdtemp(path.join(tmpdir(), "lostdesk-migrations-"));
    dirs.push(migrations);
    await cp(MIGRATIONS_DIR, migrations, { recursive: true });
    // On the suite's database: PGlite, or a PostgreSQL server, whose adapter once ran a script
    // statement by statement and so left a failed migration half-applied.
    const db = await createTestDatabase();
    expect(await applyMigrations(db.factory, migrations)).toEqual([]);
    await db.prisma.department.create({ data: { name: "Legal" } });

    const broken = path.join(migrations, "29991231000000_broken");
    await mkdir(broken);
    await writeFile(
      path.join(broken, "migration.sql"),
      `ALTER TABLE "Department" ADD COLUMN "budget" INTEGER;\nUPDATE "Department" SET name = NULL;`,
    );
    await expect(applyMigrations(db.factory, migrations)).rejects.toThrow(/migration failed/);
    const rows = await db.prisma.$queryRaw<Record<string, unknown>[]>`SELECT * FROM "Department"`;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.name).toBe("Legal");
    expect(rows[0]).not.toHaveProperty("budget");

    // The operator fixes the migration and starts again: it applies cleanly.
    await writeFile(path.join(broken, "migration.sql"), `ALTER TABLE "Department" ADD COLUMN "budget" INTEGER;`);
    expect(await applyMigrations(db.factory, migrations)).toEqual(["29991231000000_broken"]);
    const after = await db.prisma.$queryRaw<Record<string, unknown>[]>`SELECT * FROM "Department"`;
    expect(after[0]).toMatchObject({ name: "Legal", budget: null });
    await db.close();
  });
});
