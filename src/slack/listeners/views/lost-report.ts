// The /lost modal: opened by /lost (and by the shortcut and App Home through
// openLostReportModal), submitted here. Validation is the web form's (core/reports/input.ts);
// a bad field is answered in the modal next to that field. The report itself is filed by the
// core like any other; the reporter's DM with the status link comes from the outbox.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { isReachable } from "../../../core/devices/capabilities.js";
import { parseReportForm, reportFields, type ReportFormField } from "../../../core/reports/input.js";
import { isLocale, t, textOr, type Locale } from "../../../i18n/index.js";
import { log } from "../../../log.js";
import type { SlackDeps } from "../../deps.js";
import { LOST_FIELDS, lostReportModal } from "../../blocks/lost-report-modal.js";
import { errorText } from "../../errors.js";
import { localeFor, slackProfile } from "../../locale.js";

/** Opens the report modal for `slackUserId`, prefilled with who they are and their devices. */
export async function openLostReportModal(
  deps: SlackDeps,
  client: WebClient,
  triggerId: string,
  slackUserId: string,
): Promise<void> {
  // First the locale: finding it links a directory member to their Slack id by e-mail.
  const locale = await localeFor(deps, slackUserId);
  const person = await deps.core.people.withDevices(slackUserId);
  // Not in the directory: Slack's profile still knows their address (the report stays unverified).
  const profile = person ? null : await slackProfile(deps, slackUserId);
  const view = lostReportModal({
    locale,
    email: person?.email ?? profile?.email,
    name: person?.name ?? profile?.name,
    devices: (person?.devices ?? []).filter((d) => isReachable(d)),
  });
  await client.views.open({ trigger_id: triggerId, view: view as never });
}

/** Which modal block shows the message for a form field. */
const BLOCK_OF: Partial<Record<ReportFormField, string>> = {
  reporterEmail: LOST_FIELDS.email[0],
  reporterName: LOST_FIELDS.name[0],
  device: LOST_FIELDS.deviceText[0],
  lostAt: LOST_FIELDS.lostAt[0],
  location: LOST_FIELDS.location[0],
  circumstances: LOST_FIELDS.circumstances[0],
  contactPhone: LOST_FIELDS.phone[0],
};

type StateValues = ViewSubmitAction["view"]["state"]["values"];

function read(values: StateValues, [block, action]: readonly [string, string]): string {
  const v = values[block]?.[action];
  if (!v) return "";
  if (v.selected_option) return v.selected_option.value ?? "";
  if (v.selected_options) return v.selected_options.map((o) => o.value).join(",");
  return v.value ?? "";
}

export function lostReportSubmitted(deps: SlackDeps) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const userId = body.user.id;
    const meta = (() => {
      try {
        return JSON.parse(view.private_metadata || "{}") as { locale?: string };
      } catch {
        return {};
      }
    })();
    const locale: Locale = isLocale(meta.locale) ? meta.locale : deps.config.APP_LOCALE;
    const values = view.state.values;
    const picked = read(values, LOST_FIELDS.devicePick);
    const described = read(values, LOST_FIELDS.deviceText).trim();
    const pickedName = picked ? await deviceName(deps, picked) : null;
    const raw = {
      reporterEmail: read(values, LOST_FIELDS.email),
      reporterName: read(values, LOST_FIELDS.name),
      device: [pickedName, described].filter(Boolean).join(" — "),
      lostAt: read(values, LOST_FIELDS.lostAt),
      location: read(values, LOST_FIELDS.location),
      circumstances: read(values, LOST_FIELDS.circumstances),
      contactPhone: read(values, LOST_FIELDS.phone),
      consent: read(values, LOST_FIELDS.consent) === "on" ? "on" : "",
    };
    const { clock } = deps.core;
    const parsed = parseReportForm(raw, { timeZone: deps.config.APP_TIMEZONE, now: clock.now() });
    if (!parsed.ok) {
      const errors: Record<string, string> = {};
      for (const [field, key] of Object.entries(parsed.errors)) {
        const block =
          field === "device"
            ? picked || !values[LOST_FIELDS.devicePick[0]]
              ? LOST_FIELDS.deviceText[0]
              : LOST_FIELDS.devicePick[0]
            : BLOCK_OF[field as ReportFormField];
        if (block)
          errors[block] =
            field === "device" && !raw.device ? t(locale, "lost.modal.device_required") : textOr(locale, key, key);
      }
      await ack({ response_action: "errors", errors });
      return;
    }
    // Slack closes the modal now; the report is filed right after (Slack's 3-second limit).
    await ack();
    try {
      const result = await deps.core.reports.create({
        channel: "SLACK",
        reporterSlackUserId: userId,
        deviceIds: picked ? [picked] : undefined,
        ...reportFields(parsed.value, parsed.lostAt),
        locale,
      });
      log.info("report filed from Slack", { reference: result.report.reference, created: result.created });
    } catch (err) {
      // The modal is gone: say it in a DM so the person knows to try again or use the web form.
      await client.chat.postMessage({ channel: userId, text: errorText(err, locale) }).catch(() => {});
    }
  };
}

async function deviceName(deps: SlackDeps, id: string): Promise<string | null> {
  const d = await deps.core.inventory.deviceLabel(id);
  return d ? `${d.name}${d.model ? ` (${d.model})` : ""}` : null;
}
