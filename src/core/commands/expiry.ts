// The expiry sweep: an ordinary command the device never ran lapses 7 days after it was queued
// (expiresAt); lost mode and a wipe issued after lost mode have no expiresAt and wait forever.
import type { Db } from "../../db/client.js";
import type { Clock } from "../clock.js";
import type { EventSink } from "../events.js";
import { reportFollows, transition, type ReportStatusWriter } from "./lifecycle.js";
import { NOTE } from "./results.js";
import { LIVE_STATES } from "./rules.js";

export interface ExpiryDeps {
  db: Db;
  clock: Clock;
  events: EventSink;
  reports: ReportStatusWriter;
}

export class CommandExpiry {
  constructor(private readonly deps: ExpiryDeps) {}

  /** Marks every live command whose time is up as EXPIRED; returns how many. */
  async expireDue(now: Date = this.deps.clock.now()): Promise<number> {
    const { db, events } = this.deps;
    const due = await db.command.findMany({
      where: { state: { in: [...LIVE_STATES] }, expiresAt: { lte: now } },
      select: { id: true, state: true, reportId: true, type: true },
      orderBy: { expiresAt: "asc" },
    });
    let expired = 0;
    for (const c of due) {
      const ok = await db.$transaction(async (tx) => {
        const changed = await transition(
          tx,
          { events, now },
          { commandId: c.id, from: c.state, to: "EXPIRED", actor: "system", note: NOTE.expired },
        );
        if (!changed) return false;
        await reportFollows(tx, { events, reports: this.deps.reports, now }, c.reportId, null);
        return true;
      });
      if (ok) expired++;
    }
    return expired;
  }
}
