// "Open device" on an alert post: the device's facts and all its open alerts, just for the clicker.
import type { SlackDeps } from "../../deps.js";
import { button } from "../../button.js";
import { deviceAlertsMessage } from "../../blocks/device-alerts.js";

export const alertOpenDevice = (deps: SlackDeps) =>
  button(deps, async ({ actor, reader, value }) => {
    const found = await deps.core.alerts.openForDevice(actor, value);
    return deviceAlertsMessage(found, reader.locale, reader.timeZone);
  });
