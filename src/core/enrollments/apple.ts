// Apple's enrolment messages (Authenticate, TokenUpdate, CheckOut) as an MDM server relays them.
// NanoMDM sends each webhook from its own goroutine and never retries, so they arrive in any
// order, twice, or on two replicas at once. Each message is merged into the one device record
// under a per-UDID lock, and the message's own time decides between an enrolment and a CheckOut:
//   Authenticate  fills what the device says (name, model, serial, platform) — never the state;
//   TokenUpdate   makes the device reachable (MANAGED), unless a later CheckOut was already seen;
//   CheckOut      marks it left (UNENROLLED, alert), unless a later TokenUpdate was already seen.
// A device that becomes reachable is asked to describe itself (DeviceInformation, SecurityInfo).
import type { Device } from "../../generated/prisma/client.js";
import { audit, type Tx } from "../audit.js";
import { applySelfReport, type SelfReport } from "../devices/self-report.js";
import { wasGone } from "./relock.js";

export type AppleMessageType = "Authenticate" | "TokenUpdate" | "CheckOut";

export interface AppleMessage {
  type: AppleMessageType;
  udid: string;
  /** When the MDM server received it (the webhook's created_at); our clock when absent. */
  at?: Date;
  facts?: SelfReport;
  /** The APNs topic the device enrolled under (Authenticate and TokenUpdate carry it). */
  topic?: string;
  /**
   * Apple User Enrollment: the message carried an EnrollmentID and no UDID (authenticate.yaml:
   * EnrollmentID is "required if the enrollment type is user enrollment"). The device is the
   * employee's own: company data only.
   */
  userEnrollment?: boolean;
}

export interface AppleCheckInOutcome {
  device: Device;
  /** The device came back to management from wiped/unenrolled (lost mode may need restoring). */
  returned: boolean;
  /** The device should be asked to describe itself now. */
  ask: boolean;
  /** The device left management with this message (an `unenrolled` alert is due). */
  left: boolean;
}

/** Serialises every message about one UDID across connections and replicas (PostgreSQL and PGlite). */
async function lockUdid(tx: Tx, udid: string): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`apple-enrolment:${udid}`}))::text AS locked`;
}

export async function mergeAppleMessage(
  tx: Tx,
  msg: AppleMessage,
  ctx: { now: Date; driver: string },
): Promise<AppleCheckInOutcome> {
  const { now, driver } = ctx;
  const at = msg.at ?? now;
  const actor = `driver:${driver}`;
  const facts = msg.facts ?? {};
  await lockUdid(tx, msg.udid);

  let device = await tx.device.findUnique({ where: { udid: msg.udid } });
  let created = false;
  if (!device && facts.serial) {
    // Listed by serial (an inventory import) and enrolling for the first time: the same device.
    const listed = await tx.device.findFirst({ where: { serial: facts.serial, udid: null } });
    if (listed) device = await tx.device.update({ where: { id: listed.id }, data: { udid: msg.udid, driver } });
  }
  if (!device) {
    // Whatever comes first creates the record; until the device says more its name is its UDID.
    device = await tx.device.create({
      data: {
        platform: facts.platform ?? "IOS",
        name: facts.name ?? msg.udid,
        model: facts.model ?? null,
        productName: facts.productName ?? null,
        osVersion: facts.osVersion ?? null,
        udid: msg.udid,
        driver,
        state: msg.type === "CheckOut" ? "UNENROLLED" : "MANAGED",
        enrolledAt: now,
        lastCheckInAt: now,
        createdAt: now,
        ...(msg.type === "CheckOut" ? { checkedOutAt: at } : {}),
        ...(msg.type === "TokenUpdate" ? { tokenUpdatedAt: at } : {}),
      },
    });
    created = true;
    await audit(tx, {
      actor,
      action: "device.enrolled",
      subject: `device:${device.id}`,
      details: { platform: device.platform, driver, by: msg.type },
      at: now,
    });
  }
  if (Object.keys(facts).length)
    device = await applySelfReport(tx, device, facts, { now, authoritative: false, actor });
  if (msg.topic && msg.type !== "CheckOut" && msg.topic !== device.mdmTopic)
    device = await tx.device.update({ where: { id: device.id }, data: { mdmTopic: msg.topic } });
  if (msg.userEnrollment && !device.userEnrollment) {
    device = await tx.device.update({ where: { id: device.id }, data: { userEnrollment: true } });
    await audit(tx, {
      actor,
      action: "device.user_enrollment",
      subject: `device:${device.id}`,
      details: { by: msg.type },
      at: now,
    });
  }

  switch (msg.type) {
    case "Authenticate":
      device = await tx.device.update({ where: { id: device.id }, data: { lastCheckInAt: now } });
      return { device, returned: false, ask: false, left: false };
    case "TokenUpdate": {
      if (created) return { device, returned: false, ask: true, left: false };
      const stale = device.checkedOutAt !== null && device.checkedOutAt > at;
      const gone = wasGone(device.state);
      const data = {
        lastCheckInAt: now,
        driver,
        ...(device.tokenUpdatedAt === null || device.tokenUpdatedAt < at ? { tokenUpdatedAt: at } : {}),
        ...(gone && !stale ? { state: "MANAGED" as const, enrolledAt: now, passcodePresent: null } : {}),
      };
      const returned = gone && !stale;
      if (returned)
        await audit(tx, {
          actor,
          action: "device.reenrolled",
          subject: `device:${device.id}`,
          details: { from: device.state, driver },
          at: now,
        });
      device = await tx.device.update({ where: { id: device.id }, data });
      return { device, returned, ask: returned || device.selfReportedAt === null, left: false };
    }
    case "CheckOut": {
      if (created) return { device, returned: false, ask: false, left: true };
      const stale = device.tokenUpdatedAt !== null && device.tokenUpdatedAt > at;
      const leaving = !stale && !(device.state === "UNENROLLED" || device.state === "WIPED");
      device = await tx.device.update({
        where: { id: device.id },
        data: {
          lastCheckInAt: now,
          ...(device.checkedOutAt === null || device.checkedOutAt < at ? { checkedOutAt: at } : {}),
          ...(leaving ? { state: "UNENROLLED" as const } : {}),
        },
      });
      if (leaving)
        await audit(tx, {
          actor,
          action: "device.unenrolled",
          subject: `device:${device.id}`,
          details: { driver },
          at: now,
        });
      return { device, returned: false, ask: false, left: leaving };
    }
  }
}
