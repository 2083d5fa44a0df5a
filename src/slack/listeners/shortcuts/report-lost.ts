// "Report lost device", from the global shortcut menu (⚡), a message's "…" menu, or the App
// Home button: the same report modal as /lost, so a report starts in one click from anywhere.
import type { AllMiddlewareArgs, SlackShortcutMiddlewareArgs } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { SlackDeps } from "../../deps.js";
import { log } from "../../../log.js";
import { openLostReportModal } from "../views/lost-report.js";

/** The global shortcut's callback id (slack-app-manifest.yml). */
export const REPORT_LOST_CALLBACK_ID = "report_lost_device";
/** The message-menu shortcut: Slack wants its own callback id; it opens the same modal. */
export const REPORT_LOST_MESSAGE_CALLBACK_ID = "report_lost_device_message";

export async function openReportFromAnywhere(
  deps: SlackDeps,
  client: WebClient,
  triggerId: string,
  slackUserId: string,
): Promise<void> {
  try {
    await openLostReportModal(deps, client, triggerId, slackUserId);
  } catch (err) {
    log.warn("report modal could not be opened", {
      code: (err as { data?: { error?: string } }).data?.error ?? (err as Error).message,
    });
  }
}

export function reportLostShortcut(deps: SlackDeps) {
  return async ({ ack, shortcut, client }: SlackShortcutMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    await openReportFromAnywhere(deps, client, shortcut.trigger_id, shortcut.user.id);
  };
}
