// Opens the loss-report modal (issue 3 owns the modal itself); kept in one place so the
// shortcut and the App Home button open exactly what /lost opens.
import type { WebClient } from "@slack/web-api";
import type { SlackDeps } from "../../app.js";
import { t } from "../../../i18n/index.js";
import { localeFor } from "../../locale.js";

export async function openLostReport(deps: SlackDeps, client: WebClient, triggerId: string, slackUserId: string): Promise<void> {
  // Until the /lost modal exists: a modal that links to the web form, which files the same report.
  const locale = await localeFor(deps, slackUserId);
  const url = new URL("/report", deps.core.deps.settings.publicUrl).toString();
  await client.views.open({
    trigger_id: triggerId,
    view: {
      type: "modal",
      title: { type: "plain_text", text: t(locale, "admin.shortcut.title") },
      close: { type: "plain_text", text: t(locale, "admin.import.close") },
      blocks: [{ type: "section", text: { type: "mrkdwn", text: t(locale, "admin.shortcut.portal", { url }) } }],
    },
  });
}
