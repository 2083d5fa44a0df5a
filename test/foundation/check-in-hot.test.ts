// Every agent check-in rewrites the device's last-seen time. That update stays a HOT update
// (in place, no index touched) only while no index of "Device" holds a column it writes: one such
// index makes every check-in add an entry to every index of the row, the GIN search index's
// pending list then stalls one check-in in ten thousand for 200 ms when it is merged, and the
// table and its indexes grow with each (decision 0159).
import { describe, expect, it } from "vitest";
import { CHECK_IN_SQL } from "../../src/core/devices/check-in.js";
import { createTestDatabase } from "../support/db.js";

// The columns the check-in's statement sets, read from the statement itself.
const WRITTEN = [...(/SET (.*?) WHERE/s.exec(CHECK_IN_SQL)?.[1] ?? "").matchAll(/"(\w+)" =/g)].map((m) => m[1]!);

describe("the check-in's update", () => {
  it("writes no column that any index of Device holds, nor one its triggers watch", async () => {
    const db = await createTestDatabase();
    try {
      const indexes = await db.prisma.$queryRaw<{ name: string; def: string }[]>`
        SELECT indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS def
        FROM pg_index WHERE indrelid = '"Device"'::regclass`;
      expect(WRITTEN).toEqual(["lastCheckInAt", "updatedAt"]);
      expect(indexes.length).toBeGreaterThan(5); // the unique identifiers, the owner, the search words
      for (const column of WRITTEN)
        expect(indexes.filter((i) => i.def.includes(`"${column}"`)).map((i) => i.name)).toEqual([]);
      // A trigger on UPDATE OF one of these columns would run on every check-in.
      const triggers = await db.prisma.$queryRaw<{ def: string }[]>`
        SELECT pg_get_triggerdef(oid) AS def FROM pg_trigger WHERE tgrelid = '"Device"'::regclass AND NOT tgisinternal`;
      for (const t of triggers) for (const column of WRITTEN) expect(t.def).not.toContain(`"${column}"`);
      expect(triggers.every((t) => /UPDATE OF/.test(t.def) || !/UPDATE/.test(t.def))).toBe(true);
    } finally {
      await db.close();
    }
  });
});
