// "Play sound" while the device is in lost mode: helps whoever is near it find it.
import type { SlackDeps } from "../../deps.js";
import { commandButton } from "../../command-replies.js";

export const lostModeSound = (deps: SlackDeps) => commandButton(deps, "PLAY_LOST_MODE_SOUND");
