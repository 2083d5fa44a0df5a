// The one rule for a device that comes back to management (an ADE device re-enrolling after its
// wipe, a phone enrolled again under a new id): if its loss is not over, lost mode is queued
// again — erase cleared it on the device, but nobody has marked it found (the vendor's guide to commands for a lost device 「デバイスの紛失時の対応」). Every
// enrolment path calls this after its own transaction commits: the agent's /enroll, the NanoMDM
// webhook's Authenticate/TokenUpdate, the Android device list and status reports.
import type { Db } from "../../db/client.js";
import { log } from "../../log.js";
import { SYSTEM } from "../actors.js";
import { audit } from "../audit.js";
import type { Clock } from "../clock.js";
import type { Commands } from "../commands/index.js";
import { DomainError } from "../errors.js";
import { stillLost } from "./lost.js";

/** States a device is in while it is not managed: wiped, awaiting ADE re-enrolment, or left. */
export const GONE_STATES = ["AWAITING_REENROLLMENT", "WIPED", "UNENROLLED"] as const;
export const wasGone = (state: string) => (GONE_STATES as readonly string[]).includes(state);

export class LostModeRestorer {
  constructor(private readonly deps: { db: Db; clock: Clock; commands: Pick<Commands, "request"> }) {}

  /**
   * Call once the device's return is committed. Returns true when lost mode is (or already was)
   * queued for it again; false when its loss is over or the command could not be queued.
   */
  async afterReturn(deviceId: string, driver: string): Promise<boolean> {
    const lost = await stillLost(this.deps.db, deviceId);
    if (!lost) return false;
    try {
      await this.deps.commands.request(SYSTEM, {
        deviceId,
        type: "ENABLE_LOST_MODE",
        reportId: lost.reportId,
        params: lost.params,
      });
      await audit(this.deps.db, {
        actor: "system",
        action: "device.lost_mode_reapplied",
        subject: `device:${deviceId}`,
        details: { reportId: lost.reportId, driver },
        at: this.deps.clock.now(),
      });
      return true;
    } catch (err) {
      // A lost mode already pending (a ConflictError) is what we wanted anyway.
      if (err instanceof DomainError && err.code === "conflict") return true;
      log.error("could not queue lost mode again after re-enrollment", { deviceId, driver, err });
      return false;
    }
  }
}
