// Loads alerts the way their Slack messages show them, through the notifier's transaction.
import type { Tx } from "../../core/audit.js";
import type { AlertView } from "../blocks/alerts.js";

export async function loadAlertViews(tx: Tx, ids: string[]): Promise<AlertView[]> {
  const rows = await tx.alert.findMany({
    where: { id: { in: ids } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      type: true,
      detectedAt: true,
      createdAt: true,
      details: true,
      resolvedAt: true,
      resolvedBy: true,
      device: {
        select: {
          id: true,
          name: true,
          platform: true,
          udid: true,
          imei: true,
          serial: true,
          owner: { select: { name: true, email: true } },
        },
      },
    },
  });
  return rows.map((r) => ({ ...r, details: (r.details ?? {}) as Record<string, unknown> }));
}
