// The command rules as pure functions, without a database: when a command expires (lost mode
// never; a wipe after lost mode never; everything else 7 days after it was queued, through
// more than one cycle) and which states still hold a device's "one live command per type" slot.
import { describe, expect, it } from "vitest";
import { DAY } from "../../../../src/core/clock.js";
import { expiresAtFor, isLive, LIVE_STATES, ORDINARY_EXPIRY_MS } from "../../../../src/core/commands/rules.js";

const QUEUED_AT = new Date("2026-11-21T09:00:00.000Z");
const plain = { deviceInLostMode: false, lostModePending: false };

describe("command expiry", () => {
  it("never expires lost mode, whatever the device is doing", () => {
    expect(expiresAtFor("ENABLE_LOST_MODE", QUEUED_AT, plain)).toBeNull();
    expect(expiresAtFor("ENABLE_LOST_MODE", QUEUED_AT, { deviceInLostMode: true, lostModePending: true })).toBeNull();
  });

  it("lets a wipe after lost mode (on, or on its way) wait for the device as lost mode does", () => {
    expect(expiresAtFor("ERASE_DEVICE", QUEUED_AT, { deviceInLostMode: true, lostModePending: false })).toBeNull();
    expect(expiresAtFor("ERASE_DEVICE", QUEUED_AT, { deviceInLostMode: false, lostModePending: true })).toBeNull();
  });

  it("expires every other command 7 days after it was queued, each time it is queued", () => {
    expect(ORDINARY_EXPIRY_MS).toBe(7 * DAY);
    for (const week of [0, 1, 2]) {
      const queued = new Date(QUEUED_AT.getTime() + week * 7 * DAY);
      for (const type of ["ERASE_DEVICE", "DEVICE_LOCATION", "DEVICE_LOCK", "PLAY_LOST_MODE_SOUND"] as const) {
        expect(expiresAtFor(type, queued, plain)?.toISOString(), `${type}, week ${week}`).toBe(
          new Date(queued.getTime() + 7 * DAY).toISOString(),
        );
      }
    }
  });
});

describe("live states", () => {
  it("are awaiting approval, queued and sent; finished commands free the slot", () => {
    expect([...LIVE_STATES]).toEqual(["AWAITING_APPROVAL", "QUEUED", "SENT"]);
    for (const s of ["ACKNOWLEDGED", "ERROR", "EXPIRED", "CANCELLED"]) expect(isLive(s), s).toBe(false);
    for (const s of LIVE_STATES) expect(isLive(s), s).toBe(true);
  });
});
