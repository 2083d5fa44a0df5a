// The App Home follows the work as it changes: after an incident or a command changed, the Home
// of each administrator who has been looking at it is re-published through the outbox, once for
// all the changes committed since the last refresh (the renderer coalesces them). Who looks is
// remembered when they open the tab (`core.homeViewers.remember`), with the rights and language
// they had then; opening it again updates that, and a refresh never reaches someone who has not
// opened the tab for a month.
import type { Tx } from "../../core/audit.js";
import { watchingAdmins } from "../../core/home-viewers.js";
import { adminOverview } from "../../core/inventory/overview.js";
import type { OutboxItem } from "../../core/outbox.js";
import { isLocale } from "../../i18n/index.js";
import { adminHomeView } from "../blocks/home.js";
import type { NotifyContext } from "./handler.js";

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
