// The rolling-hour wipe count. Requests and approvals of wipes take one transaction-scoped
// advisory lock first, so two admins (or a script) racing cannot both slip under the limit.
import type { Tx } from "../audit.js";
import { HOUR } from "../clock.js";

const WIPE_BRAKE_LOCK = 19_170_001;

export async function lockWipeBrake(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${WIPE_BRAKE_LOCK}::bigint)`;
}

/**
 * Wipes that count against the limit: requested or released (queued) in the last hour and not
 * withdrawn or lapsed — a wipe withdrawn in time destroyed nothing.
 */
export function wipesInLastHour(tx: Tx, now: Date, excludeId?: string): Promise<number> {
  const since = new Date(now.getTime() - HOUR);
  return tx.command.count({
    where: {
      type: "ERASE_DEVICE",
      state: { notIn: ["CANCELLED", "EXPIRED"] },
      OR: [{ requestedAt: { gte: since } }, { queuedAt: { gte: since } }],
      ...(excludeId ? { id: { not: excludeId } } : {}),
    },
  });
}

/** Wipes released to devices in the last hour (the approval-time check). */
export function wipesReleasedInLastHour(tx: Tx, now: Date, excludeId: string): Promise<number> {
  return tx.command.count({
    where: {
      type: "ERASE_DEVICE",
      state: { notIn: ["CANCELLED", "EXPIRED", "AWAITING_APPROVAL"] },
      queuedAt: { gte: new Date(now.getTime() - HOUR) },
      id: { not: excludeId },
    },
  });
}
