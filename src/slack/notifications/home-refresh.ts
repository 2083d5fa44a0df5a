// The App Home follows the work as it changes: when an incident or a command changes, the Home
// of each administrator who has been looking at it is re-published through the outbox, in the
// same transaction as the change. Who looks is remembered when they open the tab
// (`rememberHomeViewer`), with the rights and language they had then; opening it again updates
// that, and a refresh never reaches someone who has not opened the tab for a month.
import type { Actor } from "../../core/actors.js";
import type { Tx } from "../../core/audit.js";
import { DAY } from "../../core/clock.js";
import type { DomainEvent } from "../../core/events.js";
import { adminOverview } from "../../core/inventory/overview.js";
import type { OutboxItem } from "../../core/outbox.js";
import { isLocale } from "../../i18n/index.js";
import { log } from "../../log.js";
import { adminHomeView } from "../blocks/home.js";
import type { NotificationHandler, NotificationHandlers, NotifyContext } from "./handler.js";

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
export async function rememberHomeViewer(db: Tx, actor: Actor, admin: boolean, reader: { locale: string; timeZone: string }, now: Date): Promise<void> {
  if (!actor.slackUserId) return;
  const key = `${PREFIX}${actor.slackUserId}`;
  if (!admin) {
    await db.setting.deleteMany({ where: { key } });
    return;
  }
  const value: Viewer = { slackUserId: actor.slackUserId, systemAdmin: actor.systemAdmin, adminOf: actor.adminOf, ...reader, at: now.toISOString() };
  await db.setting.upsert({ where: { key }, create: { key, value: value as never }, update: { value: value as never } });
}

/** views.publish for every administrator's Home, as it reads after this change. */
export async function refreshAdminHomes(tx: Tx, ctx: NotifyContext): Promise<OutboxItem[]> {
  const rows = await tx.setting.findMany({ where: { key: { startsWith: PREFIX } } });
  const items: OutboxItem[] = [];
  for (const row of rows) {
    const v = row.value as unknown as Viewer;
    if (ctx.now.getTime() - new Date(v.at).getTime() > FORGET_AFTER) continue;
    const actor: Actor = { id: `slack:${v.slackUserId}`, personId: null, slackUserId: v.slackUserId, systemAdmin: v.systemAdmin, adminOf: v.adminOf, locale: null, timeZone: null };
    const locale = isLocale(v.locale) ? v.locale : ctx.locale;
    const view = adminHomeView(await adminOverview(tx, actor, ctx.now), {
      locale, timeZone: v.timeZone || ctx.timeZone, now: ctx.now, portalUrl: new URL("/report", ctx.publicUrl).toString(),
    });
    items.push({ method: "views.publish", payload: { user_id: v.slackUserId, view }, orderingKey: `home:${v.slackUserId}` });
  }
  return items;
}

/**
 * Adds the Home refresh to the handlers of `types`, after whatever they already post. A failure
 * here is logged and dropped: a stale Home tab must never undo an admin's decision.
 */
export function refreshHomesOn(handlers: NotificationHandlers, types: DomainEvent["type"][]): void {
  const table = handlers as Record<string, NotificationHandler | undefined>;
  for (const type of types) {
    const first = table[type];
    table[type] = async (tx, event, ctx) => {
      const items = first ? await first(tx, event, ctx) : [];
      try {
        return [...items, ...(await refreshAdminHomes(tx, ctx))];
      } catch (err) {
        log.warn("app home refresh skipped", { event: type, err: (err as Error).message });
        return items;
      }
    };
  }
}
