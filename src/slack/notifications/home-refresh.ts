// The App Home follows the work as it changes: when an incident or a command changes, the Home
// of each administrator who has been looking at it is re-published through the outbox, in the
// same transaction as the change. Who looks is remembered when they open the tab
// (`core.homeViewers.remember`), with the rights and language they had then; opening it again updates
// that, and a refresh never reaches someone who has not opened the tab for a month.
import type { Tx } from "../../core/audit.js";
import { watchingAdmins } from "../../core/home-viewers.js";
import type { DomainEvent } from "../../core/events.js";
import { adminOverview } from "../../core/inventory/overview.js";
import type { OutboxItem } from "../../core/outbox.js";
import { isLocale } from "../../i18n/index.js";
import { log } from "../../log.js";
import { adminHomeView } from "../blocks/home.js";
import type { NotificationHandler, NotificationHandlers, NotifyContext } from "./handler.js";

/** views.publish for every administrator's Home, as it reads after this change. */
export async function refreshAdminHomes(tx: Tx, ctx: NotifyContext): Promise<OutboxItem[]> {
  const items: OutboxItem[] = [];
  for (const v of await watchingAdmins(tx, ctx.now)) {
    const { actor } = v;
    const locale = isLocale(v.locale) ? v.locale : ctx.locale;
    const view = adminHomeView(await adminOverview(tx, actor, ctx.now), {
      locale,
      timeZone: v.timeZone || ctx.timeZone,
      now: ctx.now,
      portalUrl: new URL("/report", ctx.publicUrl).toString(),
    });
    items.push({
      method: "views.publish",
      payload: { user_id: v.slackUserId, view },
      orderingKey: `home:${v.slackUserId}`,
    });
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
