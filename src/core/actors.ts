// Who is acting, and what they may do. Authorisation lives here, in the core, so every way in
// (Slack, web, CLI) gets the same answer whatever its UI showed.
import type { Db } from "../db/client.js";
import { NotAuthorizedError } from "./errors.js";

export interface Actor {
  /** "slack:U123", "person:<id>", "system", "device:<id>" — what the audit log records. */
  id: string;
  personId: string | null;
  slackUserId: string | null;
  systemAdmin: boolean;
  /** Departments this actor administers. */
  adminOf: string[];
  /** Their own reading settings (/mdm lang), when they made any: the app's defaults apply otherwise. */
  locale: "ja" | "en" | null;
  timeZone: string | null;
}

export const SYSTEM: Actor = {
  id: "system",
  personId: null,
  slackUserId: null,
  systemAdmin: true,
  adminOf: [],
  locale: null,
  timeZone: null,
};

export interface ActorsDeps {
  db: Db;
  /** Slack user ids of system administrators (SLACK_ADMIN_USER_IDS). */
  systemAdminSlackIds: readonly string[];
}

export class Actors {
  constructor(private readonly deps: ActorsDeps) {}

  async fromSlack(slackUserId: string): Promise<Actor> {
    const person = await this.deps.db.person.findUnique({
      where: { slackUserId },
      include: { departmentsAdmin: true },
    });
    return {
      id: `slack:${slackUserId}`,
      personId: person?.id ?? null,
      slackUserId,
      systemAdmin: this.deps.systemAdminSlackIds.includes(slackUserId) || Boolean(person?.isSystemAdmin),
      adminOf: person?.departmentsAdmin.map((d) => d.departmentId) ?? [],
      locale: (person?.locale as Actor["locale"]) ?? null,
      timeZone: person?.timeZone ?? null,
    };
  }

  isAdmin(actor: Actor): boolean {
    return actor.systemAdmin || actor.adminOf.length > 0;
  }

  /** System admins act on any device; department admins on their department's devices. */
  async canActOnDevice(actor: Actor, deviceId: string): Promise<boolean> {
    if (actor.systemAdmin) return true;
    if (!actor.adminOf.length) return false;
    const device = await this.deps.db.device.findUnique({
      where: { id: deviceId },
      select: { owner: { select: { departmentId: true } } },
    });
    const dept = device?.owner?.departmentId;
    return Boolean(dept && actor.adminOf.includes(dept));
  }

  async requireDeviceAdmin(actor: Actor, deviceId: string): Promise<void> {
    if (!(await this.canActOnDevice(actor, deviceId))) {
      throw new NotAuthorizedError(
        "Only a system administrator or this device's department administrator can do this.",
        {},
        { reason: "auth.device_admin" },
      );
    }
  }

  requireSystemAdmin(actor: Actor): void {
    if (!actor.systemAdmin)
      throw new NotAuthorizedError("Only a system administrator can do this.", {}, { reason: "auth.system_admin" });
  }

  requireAdmin(actor: Actor): void {
    if (!this.isAdmin(actor))
      throw new NotAuthorizedError("Only an administrator can do this.", {}, { reason: "auth.admin" });
  }
}
