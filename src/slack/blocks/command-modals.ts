// The modals behind the incident buttons: lost mode (what the finder reads on the lock screen),
// lock (with its passcode caveat) and "found" (offering to end lost mode). Pure builders.
import { t, type Locale, translator } from "../../i18n/index.js";
import { escapeMrkdwn, mrkdwn, plain } from "./kit.js";

export const COMMAND_VIEWS = {
  lostMode: "lost_mode_submit",
  lock: "device_lock_submit",
  found: "report_found_submit",
} as const;

/** What a modal remembers between opening and submission. */
export interface ModalContext {
  r?: string; // report id
  d?: string; // device id
  ch?: string; // channel the click came from, for ephemeral replies
  o?: Closing; // how the report closes (the closing modal); found when absent
}

/** How an administrator closes a report: found, no action needed, or after the device was wiped. */
export type Closing = "FOUND" | "DISMISSED" | "CLOSED";
const CLOSING_WORD = { FOUND: "found", DISMISSED: "dismissed", CLOSED: "wiped" } as const satisfies Record<
  Closing,
  string
>;

type Block = Record<string, unknown>;

function modal(
  callbackId: string,
  ctx: ModalContext,
  title: string,
  submit: string,
  blocks: Block[],
  locale: Locale,
): Block {
  return {
    type: "modal",
    callback_id: callbackId,
    private_metadata: JSON.stringify(ctx),
    title: plain(title, 24),
    submit: plain(submit, 24),
    close: plain(t(locale, "commands.modal.cancel"), 24),
    blocks,
  };
}

function input(
  blockId: string,
  label: string,
  initial: string | null,
  opts: { optional?: boolean; multiline?: boolean; max?: number } = {},
): Block {
  return {
    type: "input",
    block_id: blockId,
    optional: opts.optional ?? true,
    label: plain(label, 2000),
    element: {
      type: "plain_text_input",
      action_id: "value",
      multiline: opts.multiline ?? false,
      max_length: opts.max ?? 200,
      ...(initial ? { initial_value: initial } : {}),
    },
  };
}

/** message and phone: the company's lock-screen defaults (core/company-contact.ts). */
export function lostModeModal(p: {
  ctx: ModalContext;
  deviceName: string;
  message: string;
  phone: string | null;
  locale: Locale;
}): Block {
  const tr = translator(p.locale);
  // Both fields optional for Slack: the rule "at least one" is checked on submit, with the reason.
  return modal(
    COMMAND_VIEWS.lostMode,
    p.ctx,
    tr("commands.lost_mode.title"),
    tr("commands.lost_mode.submit"),
    [
      { type: "section", text: mrkdwn(tr("commands.lost_mode.intro", { name: escapeMrkdwn(p.deviceName) })) },
      input("message", tr("commands.lost_mode.message"), p.message, { multiline: true }),
      input("phone", tr("commands.lost_mode.phone"), p.phone, { max: 30 }),
      ...(p.phone ? [] : [{ type: "context", elements: [mrkdwn(tr("commands.lost_mode.no_help_desk"))] }]),
      input("footnote", tr("commands.lost_mode.footnote"), null),
    ],
    p.locale,
  );
}

export function lockModal(p: {
  ctx: ModalContext;
  deviceName: string;
  passcodePresent: boolean | null;
  /** The device's platform and whether lost mode is possible: the advice is its own, never iOS's on a Mac. */
  platform?: string;
  lostModePossible?: boolean;
  locale: Locale;
}): Block {
  const tr = translator(p.locale);
  const family = p.platform === "MACOS" ? "mac" : p.platform === "ANDROID" ? "android" : "ios";
  const warning =
    family === "mac"
      ? "commands.lock.warning_mac"
      : family === "android"
        ? p.lostModePossible
          ? "commands.lock.warning_android_lost_mode"
          : "commands.lock.warning_android"
        : p.lostModePossible === false
          ? "commands.lock.warning_ios_no_lost_mode"
          : "commands.lock.warning";
  const passcode =
    p.passcodePresent === true
      ? "commands.lock.passcode_set"
      : p.passcodePresent === false
        ? "commands.lock.passcode_none"
        : "commands.lock.passcode_unknown";
  return modal(
    COMMAND_VIEWS.lock,
    p.ctx,
    tr("commands.lock.title"),
    tr("commands.lock.submit"),
    [
      { type: "section", text: mrkdwn(tr("commands.lock.intro", { name: escapeMrkdwn(p.deviceName) })) },
      // "Passcode" is iPhone and iPad wording (and what they report): a Mac or an Android phone
      // gets only its own advice.
      { type: "section", text: mrkdwn(family === "ios" ? `${tr(warning)}\n${tr(passcode)}` : tr(warning)) },
    ],
    p.locale,
  );
}

/** Closing a report with a device still in lost mode: ending lost mode is offered in the same step. */
export function foundModal(p: {
  ctx: ModalContext;
  reference: string;
  lostModeDevices: { id: string; name: string }[];
  locale: Locale;
}): Block {
  const tr = translator(p.locale);
  const options = p.lostModeDevices.map((d) => ({
    text: plain(tr("commands.found.disable", { name: d.name })),
    value: d.id,
  }));
  return modal(
    COMMAND_VIEWS.found,
    p.ctx,
    tr(`commands.close.${CLOSING_WORD[p.ctx.o ?? "FOUND"]}.title`),
    tr(`commands.close.${CLOSING_WORD[p.ctx.o ?? "FOUND"]}.submit`),
    [
      {
        type: "section",
        text: mrkdwn(tr(`commands.close.${CLOSING_WORD[p.ctx.o ?? "FOUND"]}.intro`, { reference: p.reference })),
      },
      {
        type: "input",
        block_id: "disable",
        optional: true,
        label: plain(tr("commands.button.disable")),
        element: { type: "checkboxes", action_id: "value", options, initial_options: options },
      },
    ],
    p.locale,
  );
}
