// Who has been looking at the administrators' overview (the Slack App Home), with the rights and
// language they had then, so a change can re-publish it for them. Opening it again updates that;
// someone who has not opened it for a month is no longer refreshed.
import type { Actor } from "./actors.js";
import type { Tx } from "./audit.js";
import { DAY } from "./clock.js";

const PREFIX = "app_home.viewer:";
const FORGET_AFTER = 30 * DAY;

interface Viewer {
  slackUserId: string;
  systemAdmin: boolean;
  adminOf: string[];
  locale: string;
  timeZone: string;
  at: string;
}

/** Called when someone opens the Home tab: administrators are kept up to date, others forgotten. */
async function rememberHomeViewer(
  db: Tx,
  actor: Actor,
  admin: boolean,
  reader: { locale: string; timeZone: string },
  now: Date,
): Promise<void> {
  if (!actor.slackUserId) return;
  const key = `${PREFIX}${actor.slackUserId}`;
  if (!admin) {
    await db.setting.deleteMany({ where: { key } });
    return;
  }
  const value: Viewer = {
    slackUserId: actor.slackUserId,
    systemAdmin: actor.systemAdmin,
    adminOf: actor.adminOf,
    ...reader,
    at: now.toISOString(),
  };
  await db.setting.upsert({
    where: { key },
    create: { key, value: value as never },
    update: { value: value as never },
  });
}

/** The administrators watching now, each as the actor they were and how they read. */
export async function watchingAdmins(
  tx: Tx,
  now: Date,
): Promise<{ actor: Actor; slackUserId: string; locale: string; timeZone: string }[]> {
  const rows = await tx.setting.findMany({ where: { key: { startsWith: PREFIX } } });
  return rows
    .map((row) => row.value as unknown as Viewer)
    .filter((v) => now.getTime() - new Date(v.at).getTime() <= FORGET_AFTER)
    .map((v) => ({
      actor: {
        id: `slack:${v.slackUserId}`,
        personId: null,
        slackUserId: v.slackUserId,
        systemAdmin: v.systemAdmin,
        adminOf: v.adminOf,
        locale: null,
        timeZone: null,
      },
      slackUserId: v.slackUserId,
      locale: v.locale,
      timeZone: v.timeZone,
    }));
}

export class HomeViewers {
  constructor(private readonly deps: { db: Tx }) {}

  remember(actor: Actor, admin: boolean, reader: { locale: string; timeZone: string }, now: Date): Promise<void> {
    return rememberHomeViewer(this.deps.db, actor, admin, reader, now);
  }
}
