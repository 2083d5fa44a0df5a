// The no-response rule (the vendor's guide to alert e-mails 「重要なアラートメール設定」, 一定期間応答なし): a device is included when
// `digest time − last response ≥ threshold`. With a 24 h threshold and a last response at 13:00,
// the next morning's 10:00 digest (21 h) leaves it out, 13:00 (24 h) detects it, and the 10:00
// digest a day later (45 h) includes it.
import type { Prisma } from "../../db/client.js";
import type { Tx } from "../audit.js";
import { HOUR } from "../clock.js";
import type { DigestSettings } from "./settings.js";
import { PLATFORMS } from "./settings.js";

export function isNoResponse(at: Date, lastResponse: Date, thresholdHours: number): boolean {
  return thresholdHours > 0 && at.getTime() - lastResponse.getTime() >= thresholdHours * HOUR;
}

/** Devices still under management whose last response is at least their platform's threshold old. */
export function noResponseWhere(at: Date, settings: DigestSettings): Prisma.DeviceWhereInput {
  const perPlatform = PLATFORMS.filter((p) => settings.noResponseHours[p] > 0).map((platform) => {
    const cutoff = new Date(at.getTime() - settings.noResponseHours[platform] * HOUR);
    // A device that never checked in counts from its enrollment.
    return { platform, OR: [{ lastCheckInAt: { lte: cutoff } }, { lastCheckInAt: null, enrolledAt: { lte: cutoff } }] };
  });
  if (!perPlatform.length) return { id: { in: [] } };
  return { state: { in: ["MANAGED", "LOST_MODE"] }, OR: perPlatform };
}

export interface NoResponseDevice {
  id: string;
  name: string;
  platform: string;
  lastResponseAt: Date;
  ownerId: string | null;
  ownerName: string | null;
  departmentId: string | null;
}

export async function noResponseDevices(
  tx: Tx,
  at: Date,
  settings: DigestSettings,
  limit = 100_000,
  /** Only these devices (a person's own, a department's). */
  scope?: Prisma.DeviceWhereInput,
): Promise<NoResponseDevice[]> {
  const rows = await tx.device.findMany({
    where: scope ? { AND: [noResponseWhere(at, settings), scope] } : noResponseWhere(at, settings),
    select: {
      id: true,
      name: true,
      platform: true,
      lastCheckInAt: true,
      enrolledAt: true,
      ownerId: true,
      owner: { select: { name: true, departmentId: true } },
    },
    orderBy: [{ lastCheckInAt: { sort: "asc", nulls: "first" } }, { id: "asc" }],
    take: limit,
  });
  return rows.map((d) => ({
    id: d.id,
    name: d.name,
    platform: d.platform,
    lastResponseAt: d.lastCheckInAt ?? d.enrolledAt,
    ownerId: d.ownerId,
    ownerName: d.owner?.name ?? null,
    departmentId: d.owner?.departmentId ?? null,
  }));
}
