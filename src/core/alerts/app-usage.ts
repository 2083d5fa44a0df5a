// The app usage policy applied (the management-methods column and the alert e-mail guide): the apps a device reports — the agent's check-in,
// NanoMDM's InstalledApplicationList answer, the Android Management API's applicationReports —
// are checked against the allow or deny list. A violating device gets one open
// `app_policy_violation` alert naming the apps (immediate on iOS/Android, to the admins, the
// device's owner and the owner's department admins); it is resolved when the apps are gone.
import type { Db, Prisma } from "../../db/client.js";
import { log } from "../../log.js";
import { audit, type Tx } from "../audit.js";
import type { Clock } from "../clock.js";
import type { EventSink } from "../events.js";
import { postsAtOnce, readAlertRouting } from "./routing.js";
import { stripUnstorable } from "../text/unstorable.js";

export interface InstalledApp {
  /** iOS bundle id / Android package name. */
  id: string;
  name?: string | null;
}

export interface AppUsageDeps {
  db: Db;
  clock: Clock;
  events: EventSink;
  /** IMMEDIATE_ALERTS, as for every alert (routing.ts). */
  immediateByDefault?: boolean;
}

const POLICY_SOURCE = "policy";
const MAX_APPS = 2000;
const APP_ID = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,254}$/;

/** The policy in force; null when none was imported (nothing is a violation then). */
export async function currentPolicy(db: Db | Tx): Promise<{ mode: "ALLOW" | "DENY"; ids: Set<string> } | null> {
  const policy = await db.appPolicy.findUnique({
    where: { id: "default" },
    include: { entries: { select: { appId: true } } },
  });
  if (!policy) return null;
  return { mode: policy.mode, ids: new Set(policy.entries.map((e) => e.appId)) };
}

export function violatesPolicy(policy: { mode: "ALLOW" | "DENY"; ids: Set<string> }, appId: string): boolean {
  return policy.mode === "ALLOW" ? !policy.ids.has(appId) : policy.ids.has(appId);
}

/** Cleans what a device sent: strings or {id|identifier|packageName, name}; bad entries dropped. */
export function normaliseApps(raw: unknown): InstalledApp[] | null {
  if (!Array.isArray(raw)) return null;
  const out = new Map<string, InstalledApp>();
  for (const item of raw.slice(0, MAX_APPS)) {
    const o =
      typeof item === "string"
        ? { id: item }
        : item && typeof item === "object"
          ? (item as Record<string, unknown>)
          : null;
    const id = o && [o.id, o.identifier, o.Identifier, o.packageName, o.bundleId].find((v) => typeof v === "string");
    if (typeof id !== "string" || !APP_ID.test(id.trim())) continue;
    const name = [o!.name, o!.Name, o!.displayName].find((v) => typeof v === "string") as string | undefined;
    // Names are free text from the device: what PostgreSQL cannot store is dropped (decision 0150).
    out.set(id.trim(), { id: id.trim(), name: name ? stripUnstorable(name).trim().slice(0, 200) || null : null });
  }
  return [...out.values()];
}

export class AppUsage {
  constructor(private readonly deps: AppUsageDeps) {}

  /**
   * A device's full list of installed apps, from `source`. Raises, updates or resolves its one
   * policy alert. Returns the violating apps. A list that did not change changes nothing.
   */
  async report(deviceId: string, apps: InstalledApp[], source: string): Promise<InstalledApp[]> {
    const { db, clock, events } = this.deps;
    const now = clock.now();
    try {
      return await db.$transaction(async (tx) => {
        const policy = await currentPolicy(tx);
        const violating = policy
          ? apps.filter((a) => violatesPolicy(policy, a.id)).sort((a, b) => a.id.localeCompare(b.id))
          : [];
        const open = await tx.alert.findFirst({
          where: { deviceId, type: "app_policy_violation", source: POLICY_SOURCE, resolvedAt: null },
          orderBy: { createdAt: "desc" },
        });
        const openIds = ((open?.details as { appIds?: string[] } | null)?.appIds ?? []).join(",");
        const ids = violating.map((a) => a.id);
        if (open && openIds === ids.join(",")) return violating;
        if (open) {
          // Gone (or a different set): this alert is over; a different set is a new alert.
          await tx.alert.update({ where: { id: open.id }, data: { resolvedAt: now, resolvedBy: `system:${source}` } });
          await audit(tx, {
            actor: `system:${source}`,
            action: "alert.resolve",
            subject: `alert:${open.id}`,
            details: { type: open.type, deviceId, reason: ids.length ? "apps changed" : "violating apps removed" },
            at: now,
          });
          await events.publish(tx, { type: "alert.resolved", alertId: open.id });
        }
        if (!ids.length) return violating;
        const device = await tx.device.findUniqueOrThrow({ where: { id: deviceId }, select: { platform: true } });
        const details = {
          apps: violating.map((a) => (a.name ? `${a.name} (${a.id})` : a.id)),
          appIds: ids,
          policy: policy!.mode,
          reportedBy: source,
        } as Prisma.InputJsonValue;
        const alert = await tx.alert.create({
          data: {
            type: "app_policy_violation",
            deviceId,
            detectedAt: now,
            immediate: postsAtOnce(
              await readAlertRouting(tx, this.deps.immediateByDefault ?? true),
              "app_policy_violation",
              device.platform,
            ),
            details,
            dedupeKey: `policy:${deviceId}:${ids.join(",")}:${now.toISOString()}`,
            source: POLICY_SOURCE,
            createdAt: now,
          },
        });
        await audit(tx, {
          actor: `system:${source}`,
          action: "alerts.intake",
          subject: `alert:${alert.id}`,
          details: { type: "app_policy_violation", deviceId, apps: ids.length },
          at: now,
        });
        return violating;
      });
    } catch (err) {
      // A check-in must never fail because the policy check did: it runs again on the next one.
      log.error("app usage policy check failed", { deviceId, source, err });
      return [];
    }
  }
}
