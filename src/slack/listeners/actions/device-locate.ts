// "Request location" while the device is in lost mode: queues DeviceLocation; the answer is
// posted in the thread as a map link.
import type { SlackDeps } from "../../deps.js";
import { commandButton } from "../../command-replies.js";

export const deviceLocate = (deps: SlackDeps) => commandButton(deps, "DEVICE_LOCATION");
