// /mdm enroll <owner e-mail>: a one-time enrolment code for one person's device — the way in we
// recommend over the shared AGENT_ENROLLMENT_SECRET. Shown once, to the admin alone; the core
// decides who may issue one and keeps only its hash.
import { formatDateTime, t } from "../../i18n/index.js";
import type { MdmSubcommand } from "./subcommand.js";
import { badUsage } from "./usage.js";

export const enroll: MdmSubcommand = {
  name: "enroll",
  aliases: ["enrol"],
  usageKey: "mdm.help.enroll",
  async run(c) {
    // Slack sends a typed address as a mailto link: <mailto:a@example.com|a@example.com>.
    const email = c.args[0]?.replace(/^<mailto:([^|>]+)(?:\|[^>]*)?>$/, "$1");
    if (!email || c.args.length !== 1) return badUsage(c, "mdm.help.enroll");
    const { code, expiresAt } = await c.deps.core.agents.issueCode(c.actor, email);
    await c.respond({
      response_type: "ephemeral",
      text: t(c.locale, "enroll.code.issued", {
        code,
        owner: email.toLowerCase(),
        until: formatDateTime(expiresAt, c.locale, c.reader.timeZone),
      }),
    });
  },
};
