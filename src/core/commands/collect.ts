// The pull side: a device checking in collects its pending commands. Commands stay pending
// (SENT) until the device answers, so a device that crashed mid-check-in gets them again.
import type { Db } from "../../db/client.js";
import type { Clock } from "../clock.js";
import type { EventSink } from "../events.js";
import { reportFollows, transition, type ReportStatusWriter } from "./lifecycle.js";

export interface CollectDeps {
  db: Db;
  clock: Clock;
  events: EventSink;
  reports: ReportStatusWriter;
}

export interface PendingCommand {
  id: string;
  uuid: string;
  type: import("../../generated/prisma/client.js").CommandType;
  params: Record<string, unknown>;
}

export class CommandCollection {
  constructor(private readonly deps: CollectDeps) {}

  async collect(deviceId: string): Promise<PendingCommand[]> {
    const { db, clock, events } = this.deps;
    const now = clock.now();
    return db.$transaction(async (tx) => {
      const pending = await tx.command.findMany({
        where: { deviceId, state: { in: ["QUEUED", "SENT"] } },
        orderBy: [{ queuedAt: "asc" }, { requestedAt: "asc" }],
      });
      for (const c of pending) {
        if (c.state !== "QUEUED") continue;
        const ok = await transition(
          tx,
          { events, now },
          {
            commandId: c.id,
            from: "QUEUED",
            to: "SENT",
            actor: `device:${deviceId}`,
            data: { sentAt: now, nextAttemptAt: null },
          },
        );
        if (ok) await reportFollows(tx, { events, reports: this.deps.reports, now }, c.reportId, null);
      }
      return pending.map((c) => ({
        id: c.id,
        uuid: c.uuid,
        type: c.type,
        params: (c.params ?? {}) as Record<string, unknown>,
      }));
    });
  }
}
