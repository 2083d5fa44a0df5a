// Where an alert goes besides the daily summary, as the vendor's alert mail settings have it
// (重要なアラート通知設定): per alert type, "send at once" ticked or not (the defaults are the table's
// 即時メール column; a type it marks 対象外 is digest only and cannot be ticked); whether each
// device's owner and the owner's department admins are told, each message carrying the alert's
// facts. The 10:00 summary cannot be unticked. Kept in the database, changed from Slack;
// IMMEDIATE_ALERTS=false only makes every type start unticked.
import type { Db, Prisma } from "../../db/client.js";
import type { Actor, Actors } from "../actors.js";
import { audit, type Tx } from "../audit.js";
import type { Clock } from "../clock.js";
import { InvalidInputError } from "../errors.js";
import { readDigestSettings, writeDigestSettings } from "../digest/settings.js";
import { ALERT_TYPES, canPostAtOnce, isAlertType, isImmediate, type AlertType } from "./types.js";
import type { Platform } from "../../generated/prisma/enums.js";

export const ALERT_ROUTING_KEY = "alerts.routing";

export interface AlertRouting {
  /** Per type: posted to the admin channel at once (on the OSes the table lists). */
  immediate: Record<AlertType, boolean>;
  /** Owners get a DM per immediate alert and a daily summary listing each alert. */
  owners: boolean;
  /** The owner's department admins get the same. */
  departmentAdmins: boolean;
}

export interface AlertRoutingChange {
  immediate?: Partial<Record<string, boolean>>;
  owners?: boolean;
  departmentAdmins?: boolean;
}

/** The routing in force; `immediateByDefault` is IMMEDIATE_ALERTS (the start before anyone ticks). */
export async function readAlertRouting(db: Db | Tx, immediateByDefault: boolean): Promise<AlertRouting> {
  const row = await db.setting.findUnique({ where: { key: ALERT_ROUTING_KEY } });
  const stored = ((row?.value as { immediate?: Record<string, unknown> } | null)?.immediate ?? {}) as Record<
    string,
    unknown
  >;
  const immediate = Object.fromEntries(
    ALERT_TYPES.map((type) => [
      type,
      canPostAtOnce(type) && (typeof stored[type] === "boolean" ? (stored[type] as boolean) : immediateByDefault),
    ]),
  ) as Record<AlertType, boolean>;
  const digest = await readDigestSettings(db);
  return { immediate, owners: digest.ownerSummaries, departmentAdmins: digest.departmentAdminSummaries };
}

/** Whether an alert of `type` on `platform` is posted at once under `routing`. */
export function postsAtOnce(routing: Pick<AlertRouting, "immediate">, type: AlertType, platform: Platform): boolean {
  return routing.immediate[type] && isImmediate(type, platform);
}

export interface AlertRoutingDeps {
  db: Db;
  clock: Clock;
  actors: Actors;
  immediateByDefault: boolean;
}

export class AlertRoutingSettings {
  constructor(private readonly deps: AlertRoutingDeps) {}

  get(): Promise<AlertRouting> {
    return readAlertRouting(this.deps.db, this.deps.immediateByDefault);
  }

  /** System admins only. A type the table marks digest only cannot be turned on. */
  async update(actor: Actor, change: AlertRoutingChange): Promise<AlertRouting> {
    this.deps.actors.requireSystemAdmin(actor);
    for (const [type, on] of Object.entries(change.immediate ?? {})) {
      if (!isAlertType(type))
        throw new InvalidInputError(`unknown alert type "${type}"; expected one of ${ALERT_TYPES.join(", ")}`, {
          reason: "unknown_type",
          type,
        });
      if (on && !canPostAtOnce(type))
        throw new InvalidInputError(`${type} is digest only (the 10:00 summary): it is never posted at once`, {
          reason: "digest_only",
          type,
        });
    }
    return this.deps.db.$transaction(async (tx) => {
      const row = await tx.setting.findUnique({ where: { key: ALERT_ROUTING_KEY } });
      const current = ((row?.value as { immediate?: Record<string, boolean> } | null)?.immediate ?? {}) as Record<
        string,
        boolean
      >;
      if (change.immediate) {
        const value = { immediate: { ...current, ...change.immediate } } as Prisma.InputJsonValue;
        await tx.setting.upsert({
          where: { key: ALERT_ROUTING_KEY },
          create: { key: ALERT_ROUTING_KEY, value },
          update: { value },
        });
      }
      if (change.owners !== undefined || change.departmentAdmins !== undefined)
        await writeDigestSettings(tx, {
          ownerSummaries: change.owners,
          departmentAdminSummaries: change.departmentAdmins,
        });
      await audit(tx, {
        actor: actor.id,
        action: "alerts.routing",
        subject: "alerts",
        details: change as Record<string, unknown>,
        at: this.deps.clock.now(),
      });
      return readAlertRouting(tx, this.deps.immediateByDefault);
    });
  }
}
