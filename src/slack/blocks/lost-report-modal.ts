// The /lost modal: the web form's fields, prefilled with what Slack and the directory know
// (email, name) and the person's registered devices to pick from. Pure: data in, view out.
import { keyOf, t, type KeySuffix, type Locale, translator } from "../../i18n/index.js";
import { plain } from "./kit.js";

export const LOST_REPORT_CALLBACK = "lost_report";

/** block_id → action_id of each input, read back on submission. */
export const LOST_FIELDS = {
  email: ["email", "value"],
  name: ["name", "value"],
  devicePick: ["device_pick", "value"],
  deviceText: ["device_text", "value"],
  lostAt: ["lost_at", "value"],
  location: ["location", "value"],
  circumstances: ["circumstances", "value"],
  phone: ["phone", "value"],
  consent: ["consent", "value"],
} as const;

export interface LostModalInput {
  locale: Locale;
  email?: string;
  name?: string;
  devices: { id: string; name: string; platform: string; model: string | null }[];
}

type Block = Record<string, unknown>;

export function lostReportModal(i: LostModalInput): Record<string, unknown> {
  const tr = translator(i.locale);
  const input = (
    field: keyof typeof LOST_FIELDS,
    label: string,
    element: Block,
    opts: { optional?: boolean; hint?: string } = {},
  ): Block => ({
    type: "input",
    block_id: LOST_FIELDS[field][0],
    label: plain(label, 2000),
    optional: opts.optional ?? false,
    ...(opts.hint ? { hint: plain(opts.hint, 2000) } : {}),
    element: { action_id: LOST_FIELDS[field][1], ...element },
  });
  const text = (initial?: string, extra: Block = {}) => ({
    type: "plain_text_input",
    ...(initial ? { initial_value: initial } : {}),
    ...extra,
  });
  const circumstance = (v: KeySuffix<"report.circumstances.">) => ({
    text: plain(tr(keyOf("report.circumstances.", v))),
    value: v,
  });

  const blocks: Block[] = [
    { type: "section", text: { type: "mrkdwn", text: tr("lost.modal.intro") } },
    input("email", tr("report.field.reporterEmail"), text(i.email, { max_length: 254 })),
    input("name", tr("report.field.reporterName"), text(i.name, { max_length: 100 })),
  ];
  if (i.devices.length) {
    blocks.push(
      input(
        "devicePick",
        tr("lost.modal.device_pick"),
        {
          type: "static_select",
          placeholder: plain(tr("lost.modal.device_pick_placeholder")),
          options: i.devices
            .slice(0, 100)
            .map((d) => ({ text: plain(`${d.name}${d.model ? ` (${d.model})` : ""}`), value: d.id })),
          ...(i.devices.length === 1
            ? {
                initial_option: {
                  text: plain(`${i.devices[0]!.name}${i.devices[0]!.model ? ` (${i.devices[0]!.model})` : ""}`),
                  value: i.devices[0]!.id,
                },
              }
            : {}),
        },
        { optional: true },
      ),
    );
  }
  blocks.push(
    input(
      "deviceText",
      i.devices.length ? tr("lost.modal.device_text") : tr("report.field.device"),
      text(undefined, { max_length: 300 }),
      {
        optional: i.devices.length > 0,
        hint: tr("report.hint.device"),
      },
    ),
    input(
      "lostAt",
      tr("report.field.lostAt"),
      text(undefined, { max_length: 100, placeholder: plain(tr("lost.modal.lost_at_hint"), 150) }),
      { hint: tr("report.hint.lostAt") },
    ),
    input("location", tr("report.field.location"), text(undefined, { max_length: 300 }), {
      hint: tr("report.hint.location"),
    }),
    input("circumstances", tr("report.field.circumstances"), {
      type: "static_select",
      options: (["lost", "stolen", "left_behind"] as const).map(circumstance),
      initial_option: circumstance("lost"),
    }),
    input("phone", tr("report.field.contactPhone"), text(undefined, { max_length: 24 }), {
      hint: tr("report.hint.contactPhone"),
    }),
    input(
      "consent",
      tr("report.field.consent"),
      { type: "checkboxes", options: [{ text: plain(tr("lost.modal.consent_option")), value: "on" }] },
      { optional: true },
    ),
  );
  return {
    type: "modal",
    callback_id: LOST_REPORT_CALLBACK,
    title: plain(tr("lost.modal.title"), 24),
    submit: plain(tr("lost.modal.submit"), 24),
    close: plain(tr("lost.modal.close"), 24),
    private_metadata: JSON.stringify({ locale: i.locale }),
    blocks,
  };
}
