// Block Kit for where alerts go: the settings as text (/mdm alerts settings) and the form the
// App Home's "Alert settings" button opens (one tick per type the table lets post at once, and
// the owners' and department admins' DMs).
import type { types } from "@slack/bolt";
import { ALERT_TYPES, canPostAtOnce, type AlertRouting, type AlertType } from "../../core/alerts/index.js";
import { t, type Locale } from "../../i18n/index.js";

type View = types.View;

export const ALERT_ROUTING_VIEW = "alert_routing";
export const ALERT_ROUTING_OPEN = "home_alert_routing";
export const ROUTING_IMMEDIATE_BLOCK = "routing_immediate";
export const ROUTING_PEOPLE_BLOCK = "routing_people";

const PEOPLE = ["owners", "departments"] as const;

export function alertRoutingText(r: AlertRouting, locale: Locale): string {
  const state = (on: boolean) => t(locale, on ? "mdm.on" : "mdm.off");
  return [
    t(locale, "alerts.routing.title"),
    t(locale, "alerts.routing.immediate"),
    ...ALERT_TYPES.map((type) =>
      t(locale, "alerts.routing.line", {
        type: t(locale, `alert.type.${type}`),
        id: type,
        state: canPostAtOnce(type) ? state(r.immediate[type]) : t(locale, "alerts.routing.digestOnly"),
      }),
    ),
    t(locale, "alerts.routing.owners", { state: state(r.owners) }),
    t(locale, "alerts.routing.departments", { state: state(r.departmentAdmins) }),
    t(locale, "alerts.routing.policy"),
    t(locale, "alerts.routing.summary"),
  ].join("\n");
}

const option = (text: string, value: string) => ({ text: { type: "plain_text" as const, text }, value });

export function alertRoutingModal(r: AlertRouting, locale: Locale): View {
  const types = ALERT_TYPES.filter(canPostAtOnce);
  const typeOptions = types.map((type) => option(t(locale, `alert.type.${type}`), type));
  const peopleOptions = [
    option(t(locale, "alerts.routing.modal.owners"), "owners"),
    option(t(locale, "alerts.routing.modal.departments"), "departments"),
  ];
  const onTypes = typeOptions.filter((o) => r.immediate[o.value as AlertType]);
  const onPeople = peopleOptions.filter((o) => (o.value === "owners" ? r.owners : r.departmentAdmins));
  return {
    type: "modal",
    callback_id: ALERT_ROUTING_VIEW,
    title: { type: "plain_text", text: t(locale, "alerts.routing.modal.title") },
    submit: { type: "plain_text", text: t(locale, "alerts.routing.modal.submit") },
    close: { type: "plain_text", text: t(locale, "policy.modal.cancel") },
    blocks: [
      { type: "context", elements: [{ type: "mrkdwn", text: t(locale, "alerts.routing.modal.hint") }] },
      {
        type: "input",
        block_id: ROUTING_IMMEDIATE_BLOCK,
        optional: true,
        label: { type: "plain_text", text: t(locale, "alerts.routing.modal.immediate") },
        // Slack allows 10 checkboxes; the types that can post at once are more than that.
        element: {
          type: "multi_static_select",
          action_id: "value",
          placeholder: { type: "plain_text", text: t(locale, "alerts.routing.modal.immediate") },
          options: typeOptions,
          ...(onTypes.length ? { initial_options: onTypes } : {}),
        },
      },
      {
        type: "input",
        block_id: ROUTING_PEOPLE_BLOCK,
        optional: true,
        label: { type: "plain_text", text: t(locale, "alerts.routing.modal.people") },
        element: {
          type: "checkboxes",
          action_id: "value",
          options: peopleOptions,
          ...(onPeople.length ? { initial_options: onPeople } : {}),
        },
      },
    ],
  };
}

/** What the submitted form sets: every type it lists, ticked or not, and both DM switches. */
export function routingFromForm(values: Record<string, Record<string, { selected_options?: { value: string }[] }>>) {
  const ticked = new Set((values[ROUTING_IMMEDIATE_BLOCK]?.value?.selected_options ?? []).map((o) => o.value));
  const people = new Set((values[ROUTING_PEOPLE_BLOCK]?.value?.selected_options ?? []).map((o) => o.value));
  return {
    immediate: Object.fromEntries(ALERT_TYPES.filter(canPostAtOnce).map((type) => [type, ticked.has(type)])),
    owners: people.has(PEOPLE[0]),
    departmentAdmins: people.has(PEOPLE[1]),
  };
}
