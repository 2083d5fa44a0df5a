// /mdm brake: the response policy (wipe limit per rolling hour, which commands need a second
// administrator). Every change is a proposal that another system administrator approves.
import { POLICY_TYPES, policyChangeSchema, type PolicyChangeValue, type PolicyType } from "../../core/brake/policy.js";
import { t } from "../../i18n/index.js";
import { changeText, policyText } from "../blocks/brake.js";
import type { MdmSubcommand } from "./subcommand.js";

const TYPE_WORDS: Record<string, PolicyType> = {
  lostmode: "ENABLE_LOST_MODE",
  lock: "DEVICE_LOCK",
  unlostmode: "DISABLE_LOST_MODE",
  locate: "DEVICE_LOCATION",
  sound: "PLAY_LOST_MODE_SOUND",
};
void POLICY_TYPES;

export function parsePolicyChange(args: string[]): PolicyChangeValue | null {
  const [what, value] = args.map((a) => a.toLowerCase());
  if (what === "limit" && value && /^\d+$/.test(value)) {
    const parsed = policyChangeSchema.safeParse({ kind: "wipe_limit", perHour: Number(value) });
    return parsed.success ? parsed.data : null;
  }
  const type = what ? TYPE_WORDS[what] : undefined;
  if (type && (value === "on" || value === "off")) return { kind: "approval", type, required: value === "on" };
  return null;
}

export const brake: MdmSubcommand = {
  name: "brake",
  aliases: ["policy-brake", "approvals"],
  usageKey: "mdm.help.brake",
  async run(c) {
    if (!c.args.length) {
      c.deps.core.actors.requireAdmin(c.actor);
      const [policy, pending] = await Promise.all([c.deps.core.brake.policy(), c.deps.core.brake.pendingChanges()]);
      const rows = pending.flatMap((p) => {
        const parsed = policyChangeSchema.safeParse(p.change);
        return parsed.success ? [{ change: parsed.data, proposedBy: p.proposedBy }] : [];
      });
      await c.respond({
        response_type: "ephemeral",
        text: `${policyText(policy, rows, c.locale)}\n${t(c.locale, "brake.policy.usage")}`,
      });
      return;
    }
    const change = parsePolicyChange(c.args);
    if (!change) return void (await c.respond({ response_type: "ephemeral", text: t(c.locale, "brake.policy.usage") }));
    await c.deps.core.brake.propose(c.actor, change);
    await c.respond({
      response_type: "ephemeral",
      text: t(c.locale, "brake.policy.proposed_ephemeral", { change: changeText(change, c.locale) }),
    });
  },
};
