// Apple-specific pieces of the command flow: a Mac's Find My PIN shown to the admin, the erase
// options of a wipe awaiting approval (Apple's EraseDevice keys for the device's platform), and
// the device card's Find My PIN and "clear Activation Lock" buttons. Pure builders.
import type { EraseOptions } from "../../core/devices/erase-options.js";
import { OBLITERATION_BEHAVIORS, type ObliterationBehavior } from "../../core/devices/erase-options.js";
import { t, type Locale, translator, keyOf } from "../../i18n/index.js";
import { escapeMrkdwn } from "./kit.js";

export const APPLE_ACTIONS = {
  wipeOptions: "wipe_options",
  findMyPin: "device_find_my_pin",
  clearActivationLock: "activation_lock_clear",
} as const;
export const APPLE_VIEWS = { wipeOptions: "wipe_options_submit" } as const;

type Block = Record<string, unknown>;
const plain = (text: string, max = 75) => ({ type: "plain_text", text: text.slice(0, max), emoji: true });
const mrkdwn = (text: string) => ({ type: "mrkdwn", text });

/** The PIN, set apart so it reads at a glance, with what it is for. */
export function findMyPinText(locale: Locale, pin: string, deviceName: string): string {
  return t(locale, "apple.pin.shown", { pin: `\`${pin}\``, name: `*${escapeMrkdwn(deviceName)}*` });
}

/** The requester's reply after asking for a wipe: the outcome, the PIN (a Mac), the options button. */
export function wipeRequestedBlocks(p: {
  text: string;
  commandId: string;
  hasOptions: boolean;
  locale: Locale;
}): Block[] {
  const blocks: Block[] = [{ type: "section", text: mrkdwn(p.text) }];
  if (p.hasOptions)
    blocks.push({
      type: "actions",
      elements: [
        {
          type: "button",
          action_id: APPLE_ACTIONS.wipeOptions,
          value: JSON.stringify({ c: p.commandId }),
          text: plain(t(p.locale, "apple.erase.button")),
        },
      ],
    });
  return blocks;
}

const BOOLEAN_OPTIONS = ["preserveDataPlan", "disallowProximitySetup", "returnToService"] as const;

/** Apple's erase options for the device's platform, prefilled with what the wipe carries now. */
export function eraseOptionsModal(p: {
  commandId: string;
  ch?: string;
  deviceName: string;
  available: EraseOptions;
  chosen: EraseOptions;
  locale: Locale;
}): Block {
  const tr = translator(p.locale);
  const blocks: Block[] = [
    { type: "section", text: mrkdwn(tr("apple.erase.intro", { name: escapeMrkdwn(p.deviceName) })) },
  ];
  const flags = BOOLEAN_OPTIONS.filter((k) => k in p.available);
  if (flags.length) {
    const option = (k: (typeof BOOLEAN_OPTIONS)[number]) => ({
      text: plain(tr(keyOf("apple.erase.", k)), 150),
      description: plain(tr(keyOf("apple.erase.", `${k}.help`)), 150),
      value: k,
    });
    const initial = flags.filter((k) => (p.chosen[k] ?? p.available[k]) === true).map(option);
    blocks.push({
      type: "input",
      block_id: "flags",
      optional: true,
      label: plain(tr("apple.erase.flags")),
      element: {
        type: "checkboxes",
        action_id: "value",
        options: flags.map(option),
        ...(initial.length ? { initial_options: initial } : {}),
      },
    });
  }
  if ("obliterationBehavior" in p.available) {
    const option = (v: ObliterationBehavior) => ({
      text: plain(tr(keyOf("apple.erase.obliteration.", v)), 75),
      value: v,
    });
    blocks.push({
      type: "input",
      block_id: "obliteration",
      label: plain(tr("apple.erase.obliteration")),
      element: {
        type: "static_select",
        action_id: "value",
        options: OBLITERATION_BEHAVIORS.map(option),
        initial_option: option(
          p.chosen.obliterationBehavior ?? p.available.obliterationBehavior ?? "ObliterateWithWarning",
        ),
      },
      hint: plain(tr("apple.erase.obliteration.help"), 2000),
    });
  }
  return {
    type: "modal",
    callback_id: APPLE_VIEWS.wipeOptions,
    private_metadata: JSON.stringify({ c: p.commandId, ch: p.ch }),
    title: plain(tr("apple.erase.title"), 24),
    submit: plain(tr("apple.erase.submit"), 24),
    close: plain(tr("commands.modal.cancel"), 24),
    blocks,
  };
}

/** The modal's answers as erase options: every offered flag is set, ticked or not. */
export function eraseOptionsFromValues(
  available: EraseOptions,
  ticked: string[],
  obliteration: string | undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of BOOLEAN_OPTIONS) if (k in available) out[k] = ticked.includes(k);
  if ("obliterationBehavior" in available && obliteration) out.obliterationBehavior = obliteration;
  return out;
}

/** The device card's Apple buttons: the Mac's Find My PIN, clearing Activation Lock after a wipe. */
export function appleCardButtons(
  d: { id: string },
  p: { pinCommandId: string | null; canClearActivationLock: boolean },
  locale: Locale,
): Block[] {
  const out: Block[] = [];
  if (p.pinCommandId)
    out.push({
      type: "button",
      action_id: APPLE_ACTIONS.findMyPin,
      value: JSON.stringify({ c: p.pinCommandId }),
      text: plain(t(locale, "apple.pin.button")),
    });
  if (p.canClearActivationLock)
    out.push({
      type: "button",
      action_id: APPLE_ACTIONS.clearActivationLock,
      value: JSON.stringify({ d: d.id }),
      text: plain(t(locale, "apple.activation_lock.clear")),
      confirm: {
        title: plain(t(locale, "apple.activation_lock.confirm_title"), 100),
        text: mrkdwn(t(locale, "apple.activation_lock.confirm_text")),
        confirm: plain(t(locale, "apple.activation_lock.clear"), 30),
        deny: plain(t(locale, "commands.modal.cancel"), 30),
      },
    });
  return out;
}
