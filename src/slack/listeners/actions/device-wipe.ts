// "Wipe" on the incident message, after Slack's confirmation dialog (which names the device and
// says whether it leaves management): records the first administrator's request. The wipe is
// queued only when a second administrator approves it (wipe_approve).
import type { SlackDeps } from "../../deps.js";
import { commandButton } from "../../command-replies.js";

export const deviceWipe = (deps: SlackDeps) => commandButton(deps, "ERASE_DEVICE");
