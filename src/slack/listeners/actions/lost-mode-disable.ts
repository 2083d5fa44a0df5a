// "Disable lost mode" (after a confirmation): the device unlocks for its owner again.
import type { SlackDeps } from "../../deps.js";
import { commandButton } from "../../command-replies.js";

export const lostModeDisable = (deps: SlackDeps) => commandButton(deps, "DISABLE_LOST_MODE");
