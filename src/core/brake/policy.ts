// The response policy (incident response): the company-wide wipe limit per rolling hour and which command
// types need a second administrator. Kept in the Setting table so two administrators change it
// from Slack without a restart; the wipe limit's starting value comes from WIPE_LIMIT_PER_HOUR.
import { z } from "zod";
import type { Tx } from "../audit.js";
import type { CommandType } from "../../generated/prisma/enums.js";

export const RESPONSE_POLICY_KEY = "response.policy";
export const DEFAULT_WIPE_LIMIT_PER_HOUR = 3;
/** Types whose second approval a company may switch on; a wipe always needs one. */
export const POLICY_TYPES = [
  "ENABLE_LOST_MODE",
  "DEVICE_LOCK",
  "DISABLE_LOST_MODE",
  "DEVICE_LOCATION",
  "PLAY_LOST_MODE_SOUND",
] as const satisfies readonly CommandType[];
export type PolicyType = (typeof POLICY_TYPES)[number];

const stored = z.object({
  wipeLimitPerHour: z.number().int().min(1).max(1000).optional(),
  secondAdmin: z.array(z.enum(POLICY_TYPES)).default([]),
});

export interface ResponsePolicy {
  wipeLimitPerHour: number;
  /** Command types (besides wipe) that wait for a second administrator. */
  secondAdmin: PolicyType[];
}

export async function readResponsePolicy(
  tx: Tx,
  defaults: { wipeLimitPerHour?: number } = {},
): Promise<ResponsePolicy> {
  const row = await tx.setting.findUnique({ where: { key: RESPONSE_POLICY_KEY } });
  const parsed = stored.safeParse(row?.value ?? {});
  const value = parsed.success ? parsed.data : { secondAdmin: [] };
  return {
    wipeLimitPerHour: value.wipeLimitPerHour ?? defaults.wipeLimitPerHour ?? DEFAULT_WIPE_LIMIT_PER_HOUR,
    secondAdmin: [...new Set(value.secondAdmin)].sort(),
  };
}

export async function writeResponsePolicy(tx: Tx, policy: ResponsePolicy): Promise<void> {
  const value = { wipeLimitPerHour: policy.wipeLimitPerHour, secondAdmin: policy.secondAdmin };
  await tx.setting.upsert({
    where: { key: RESPONSE_POLICY_KEY },
    create: { key: RESPONSE_POLICY_KEY, value },
    update: { value },
  });
}

/** A proposed change, as stored on PolicyChange.change. */
export const policyChangeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("approval"), type: z.enum(POLICY_TYPES), required: z.boolean() }),
  z.object({ kind: z.literal("wipe_limit"), perHour: z.number().int().min(1).max(1000) }),
]);
export type PolicyChangeValue = z.infer<typeof policyChangeSchema>;

export function applyChange(policy: ResponsePolicy, change: PolicyChangeValue): ResponsePolicy {
  if (change.kind === "wipe_limit") return { ...policy, wipeLimitPerHour: change.perHour };
  const set = new Set(policy.secondAdmin);
  if (change.required) set.add(change.type);
  else set.delete(change.type);
  return { ...policy, secondAdmin: [...set].sort() };
}

/**
 * How many administrators other than the requester must approve: a wipe one, or two past the
 * rolling-hour limit (break-glass); a type the policy names one; anything else none.
 */
export function approvalsRequired(
  type: CommandType,
  policy: ResponsePolicy,
  wipesInLastHour: number,
): { required: number; breakGlass: boolean } {
  if (type === "ERASE_DEVICE") {
    const breakGlass = wipesInLastHour >= policy.wipeLimitPerHour;
    return { required: breakGlass ? 2 : 1, breakGlass };
  }
  return { required: (policy.secondAdmin as CommandType[]).includes(type) ? 1 : 0, breakGlass: false };
}
