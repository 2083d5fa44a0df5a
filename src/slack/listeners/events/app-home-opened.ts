// The App Home tab, published fresh each time someone opens it and after they press a Home
// button; an administrator's is also re-published when incidents and commands change
// (notifications/home-refresh.ts).
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { adminHomeView, employeeHomeView } from "../../blocks/home.js";
import type { SlackDeps } from "../../deps.js";
import { whoIsActing } from "../../locale.js";
import { log } from "../../../log.js";

export async function homeViewFor(deps: SlackDeps, slackUserId: string): Promise<Record<string, unknown>> {
  const { core } = deps;
  const who = await whoIsActing(deps, slackUserId);
  const { actor } = who;
  const reader = { ...who.reader, now: core.clock.now() };
  const admin = core.actors.isAdmin(actor);
  await core.homeViewers.remember(actor, admin, reader, reader.now);
  if (admin) {
    const portalUrl = new URL("/report", core.publicUrl).toString();
    return adminHomeView(await core.inventory.adminOverview(actor), { ...reader, portalUrl });
  }
  return employeeHomeView(await core.inventory.employeeOverview(actor), reader);
}

export async function publishHome(deps: SlackDeps, client: WebClient, slackUserId: string): Promise<void> {
  try {
    await client.views.publish({ user_id: slackUserId, view: (await homeViewFor(deps, slackUserId)) as never });
  } catch (err) {
    // The Home tab is a convenience: a failure is logged, and the next open tries again.
    log.warn("app home publish failed", {
      code: (err as { data?: { error?: string } }).data?.error ?? (err as Error).message,
    });
  }
}

export function appHomeOpened(deps: SlackDeps) {
  return async ({ event, client }: SlackEventMiddlewareArgs<"app_home_opened"> & AllMiddlewareArgs) => {
    if (event.tab && event.tab !== "home") return;
    await publishHome(deps, client, event.user);
  };
}
