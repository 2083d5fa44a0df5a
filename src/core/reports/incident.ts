// Everything the admin message shows about one report, read in one go (inside the
// transaction that changed it, so the message shows exactly what was committed).
import type { Tx } from "../audit.js";
import { capabilities, type Capability, type DeviceAction } from "../devices/capabilities.js";
import { isPersonal } from "../devices/personal.js";

export async function loadIncident(tx: Tx, reportId: string) {
  const r = await tx.lossReport.findUnique({
    where: { id: reportId },
    include: {
      reporter: {
        select: { id: true, name: true, email: true, slackUserId: true, department: { select: { name: true } } },
      },
      devices: {
        include: {
          device: {
            include: {
              owner: { select: { name: true, email: true } },
              commands: { where: { reportId }, orderBy: { requestedAt: "asc" } },
            },
          },
        },
      },
    },
  });
  if (!r) return null;
  const devices = r.devices
    .map((rd) => ({
      ...rd.device,
      how: rd.how,
      capabilities: capabilities(rd.device) as Record<DeviceAction, Capability>,
      /** The employee's own device: its wipe removes company data only. */
      personal: isPersonal(rd.device),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { report: r, devices };
}

export type Incident = NonNullable<Awaited<ReturnType<typeof loadIncident>>>;
export type IncidentDevice = Incident["devices"][number];
