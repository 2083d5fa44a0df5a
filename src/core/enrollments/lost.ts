// Is a device still lost? Its last lost-mode command that took effect was an enable (not a
// disable), and the loss report it belonged to is not settled (found, dismissed, closed).
import type { Db } from "../../db/client.js";

const SETTLED = ["FOUND", "DISMISSED", "CLOSED"] as const;

export async function stillLost(
  db: Db,
  deviceId: string,
): Promise<{ reportId: string | null; params: Record<string, unknown> } | null> {
  const last = await db.command.findFirst({
    where: { deviceId, state: "ACKNOWLEDGED", type: { in: ["ENABLE_LOST_MODE", "DISABLE_LOST_MODE"] } },
    orderBy: [{ completedAt: "desc" }, { createdAt: "desc" }],
    include: { report: { select: { status: true } } },
  });
  if (last?.type !== "ENABLE_LOST_MODE") return null;
  if (last.report && (SETTLED as readonly string[]).includes(last.report.status)) return null;
  return { reportId: last.reportId, params: (last.params ?? {}) as Record<string, unknown> };
}
