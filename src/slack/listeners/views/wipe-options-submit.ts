// The erase-options modal submitted: the pending wipe takes the chosen options (the core checks
// each is Apple's for the device's platform, and that nobody has approved the wipe yet).
import type { SlackDeps } from "../../deps.js";
import { t } from "../../../i18n/index.js";
import { eraseOptionsFromValues } from "../../blocks/apple.js";
import { commandModal, selectedValues } from "./command-modal-support.js";

export const wipeOptionsSubmitted = (deps: SlackDeps) =>
  commandModal(deps, async ({ ctx, actor, locale, values }) => {
    const commandId = (ctx as { c?: string }).c ?? "";
    const { available, deviceName } = await deps.core.commands.eraseOptionsOf(actor, commandId);
    const obliteration = (values.obliteration?.value as { selected_option?: { value: string } } | undefined)
      ?.selected_option?.value;
    await deps.core.commands.updateEraseOptions(
      actor,
      commandId,
      eraseOptionsFromValues(available, selectedValues(values, "flags"), obliteration),
    );
    return t(locale, "apple.erase.saved", { name: deviceName });
  });
