// The digest's alerts by type count exactly the alerts created in its window (after the previous
// digest, up to and including this one), at the window's edges too, although whole hours are
// read from counts kept as alerts are stored and deleted rather than from the alerts.
import { afterEach, describe, expect, it } from "vitest";
import { buildCore } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { ManualClock } from "../../src/core/clock.js";
import type { Database } from "../../src/db/client.js";
import { aDevice } from "../support/builders.js";
import { createTestDatabase } from "../support/db.js";

let db: Database;
afterEach(() => db?.close());

const jst = (s: string) => new Date(`${s}+09:00`);
const AT = jst("2026-11-21T10:00:00");
const SINCE = jst("2026-11-20T10:00:00");
const ms = (d: Date, n: number) => new Date(d.getTime() + n);

async function setUp() {
  db = await createTestDatabase();
  const core = buildCore(loadConfig({ APP_LOCALE: "en", LOG_LEVEL: "error" }), db, new ManualClock(AT));
  const device = await aDevice(db.prisma, { name: "Phone" });
  let n = 0;
  const store = (type: string, ...times: Date[]) =>
    db.prisma.alert.createMany({
      data: times.map((createdAt) => ({
        type,
        deviceId: device.id,
        detectedAt: createdAt,
        immediate: false,
        dedupeKey: `k${n++}`,
        createdAt,
      })),
    });
  // The first digest covers the day before its time.
  const counts = async (at = AT) => {
    const d = await core.digest.preview(at);
    return Object.fromEntries(d.alertCounts.map((c) => [c.type, c.count]));
  };
  return { core, store, counts };
}

describe("the digest's alerts by type", () => {
  it("counts the window's alerts exactly, at its edges and across whole hours", async () => {
    const { store, counts } = await setUp();
    // Exactly at the previous digest: that digest's. A millisecond later: this one's.
    await store("root", SINCE, ms(SINCE, 1));
    // On hour boundaries inside the window, and a request of many at once.
    await store("virus", jst("2026-11-20T11:00:00"), jst("2026-11-20T23:00:00"), jst("2026-11-21T09:59:59.999"));
    await store("jailbreak", ...Array.from({ length: 500 }, (_, i) => ms(SINCE, (i + 1) * 60_000)));
    // Exactly at this digest: in it; a millisecond after: tomorrow's.
    await store("tampering", AT, ms(AT, 1));
    expect(await counts()).toEqual({ root: 1, virus: 3, jailbreak: 500, tampering: 1 });
  });

  it("counts a window that starts and ends off the hour (an extra digest now)", async () => {
    const { store, counts } = await setUp();
    await store("root", jst("2026-11-21T09:10:00"), jst("2026-11-21T09:20:00"), jst("2026-11-21T09:50:00"));
    await store("virus", jst("2026-11-21T08:59:00"), jst("2026-11-21T08:30:00"));
    // (09:15 yesterday, 09:15 today], then (09:50 yesterday, 09:50 today]: the last alert is on the edge.
    expect(await counts(jst("2026-11-21T09:15:00"))).toEqual({ root: 1, virus: 2 });
    expect(await counts(jst("2026-11-21T09:50:00"))).toEqual({ root: 3, virus: 2 });
  });

  it("no longer counts alerts deleted by retention", async () => {
    const { store, counts } = await setUp();
    await store("root", jst("2026-11-20T12:00:00"), jst("2026-11-20T12:30:00"), jst("2026-11-21T01:00:00"));
    await db.prisma.alert.deleteMany({ where: { createdAt: { lt: jst("2026-11-20T13:00:00") } } });
    expect(await counts()).toEqual({ root: 1 });
    await db.prisma.alert.deleteMany({});
    expect(await counts()).toEqual({});
  });
});
