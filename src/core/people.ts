// People and their Slack accounts. The directory (CSV import, enrolments) knows people by
// e-mail; Slack knows them by member id. The two are linked by the e-mail Slack gives for a
// member (users.info with users:read.email, or users.lookupByEmail), once, and remembered — so
// a department administrator imported without a Slack id is one the first time she clicks.
import type { Db } from "../db/client.js";
import { Prisma } from "../db/client.js";
import { audit } from "./audit.js";
import type { Clock } from "./clock.js";

export interface PeopleDeps {
  db: Db;
  clock: Clock;
}

export type LinkOutcome =
  /** The person with that e-mail now carries this Slack id. */
  | "linked"
  /** Already so. */
  | "already"
  /** Nobody in the directory has that e-mail. */
  | "unknown"
  /** The person already has another Slack id, or this Slack id is someone else's: left alone. */
  | "conflict";

export class People {
  constructor(private readonly deps: PeopleDeps) {}

  /** A directory entry's name and address, or null. */
  byId(personId: string) {
    return this.deps.db.person.findUnique({
      where: { id: personId },
      select: { email: true, name: true, slackUserId: true },
    });
  }

  /** Who a Slack user is in the directory, with their devices (to prefill a loss report). */
  withDevices(slackUserId: string) {
    return this.deps.db.person.findUnique({
      where: { slackUserId },
      select: {
        email: true,
        name: true,
        devices: {
          select: { id: true, name: true, platform: true, model: true, state: true },
          orderBy: { name: "asc" },
        },
      },
    });
  }

  /** Links the directory entry with `email` to `slackUserId`, if neither is linked elsewhere. */
  async linkSlackUser(slackUserId: string, email: string): Promise<LinkOutcome> {
    const address = email.trim().toLowerCase();
    if (!address || !slackUserId) return "unknown";
    const { db, clock } = this.deps;
    const person = await db.person.findUnique({ where: { email: address }, select: { id: true, slackUserId: true } });
    if (!person) return "unknown";
    if (person.slackUserId === slackUserId) return "already";
    if (person.slackUserId) return "conflict";
    try {
      return await db.$transaction(async (tx) => {
        // Only while still unlinked: two first clicks at once link once.
        const { count } = await tx.person.updateMany({
          where: { id: person.id, slackUserId: null },
          data: { slackUserId },
        });
        if (!count) return "already";
        await audit(tx, {
          actor: `slack:${slackUserId}`,
          action: "person.slack_linked",
          subject: `person:${person.id}`,
          details: { by: "email" },
          at: clock.now(),
        });
        return "linked";
      });
    } catch (err) {
      // The Slack id already belongs to another directory entry (two addresses for one member).
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") return "conflict";
      throw err;
    }
  }
}
