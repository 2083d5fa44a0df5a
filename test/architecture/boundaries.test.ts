// The seams, checked by reading the source: only the core and the database layer know the
// generated Prisma client; adapters reach data through named core methods (createCore hands
// out use cases, not its database).
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");
const SRC = join(ROOT, "src");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : sources(p);
    return e.name.endsWith(".ts") ? [p] : [];
  });
}

const outsideCoreAndDb = sources(SRC)
  .map((p) => relative(ROOT, p))
  .filter((p) => !p.startsWith("src/core/") && !p.startsWith("src/db/"));

describe("module boundaries", () => {
  it("no file outside src/core and src/db imports the Prisma client or its types", () => {
    const offenders = outsideCoreAndDb.filter((p) =>
      /from\s+["'][^"']*(generated\/prisma|@prisma\/client)[^"']*["']/.test(readFileSync(join(ROOT, p), "utf8")),
    );
    expect(offenders).toEqual([]);
  });

  it("adapters reach the core through its use cases, never its dependencies", () => {
    const offenders = outsideCoreAndDb.filter((p) => /core\.deps\b/.test(readFileSync(join(ROOT, p), "utf8")));
    expect(offenders).toEqual([]);
  });
});
