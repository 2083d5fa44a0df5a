// /mdm certs: the push certificate in use (expiry, topic, serial, Apple ID) and recent requests.
import { certsText } from "../blocks/push-certificate.js";
import type { MdmSubcommand } from "./subcommand.js";

export const certs: MdmSubcommand = {
  name: "certs",
  usageKey: "mdm.help.certs",
  async run(c) {
    c.deps.core.actors.requireAdmin(c.actor);
    const overview = await c.deps.core.pushCertificates.overview();
    await c.respond({
      response_type: "ephemeral",
      text: certsText(overview, {
        locale: c.locale,
        timeZone: c.deps.config.APP_TIMEZONE,
        now: c.deps.core.clock.now(),
      }),
    });
  },
};
