// "Show Find My PIN" on a Mac's device card: the PIN of its latest lock or erase, for this admin
// alone (the core audits every opening).
import type { SlackDeps } from "../../deps.js";
import { incidentButton } from "../../command-replies.js";
import { findMyPinText } from "../../blocks/apple.js";

export const deviceFindMyPin = (deps: SlackDeps) =>
  incidentButton(deps, "any", async ({ target, actor, locale }) => {
    if (!target.c) return null;
    const pin = await deps.core.commands.findMyPin(actor, target.c, "device_card");
    const command = await deps.core.commands.eraseOrLockDevice(target.c);
    return findMyPinText(locale, pin, command?.name ?? "");
  });
