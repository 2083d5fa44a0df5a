// The digest's settings, kept in the Setting table so an admin changes them from Slack without a
// restart: the no-response threshold per platform (seed 004: "一定期間応答なし", 24 h unless
// set; 0 turns it off), and whether owners and department admins receive their own summary.
import { z } from "zod";
import type { Tx } from "../audit.js";
import type { Platform } from "../../generated/prisma/enums.js";

export const DIGEST_SETTINGS_KEY = "digest.settings";
export const PLATFORMS: readonly Platform[] = ["IOS", "IPADOS", "MACOS", "ANDROID", "WINDOWS"];
export const DEFAULT_NO_RESPONSE_HOURS = 24;

const hours = z
  .number()
  .int()
  .min(0)
  .max(24 * 90);

export const digestSettingsSchema = z.object({
  noResponseHours: z.partialRecord(z.enum(["IOS", "IPADOS", "MACOS", "ANDROID", "WINDOWS"]), hours).default({}),
  ownerSummaries: z.boolean().default(false),
  departmentAdminSummaries: z.boolean().default(false),
});

export type DigestSettings = {
  noResponseHours: Record<Platform, number>;
  /** The thresholds an admin set; the others are defaults (iPadOS follows iOS unless set apart). */
  explicitNoResponseHours?: Partial<Record<Platform, number>>;
  ownerSummaries: boolean;
  departmentAdminSummaries: boolean;
};

export async function readDigestSettings(tx: Tx): Promise<DigestSettings> {
  const row = await tx.setting.findUnique({ where: { key: DIGEST_SETTINGS_KEY } });
  const parsed = digestSettingsSchema.safeParse(row?.value ?? {});
  const stored = parsed.success ? parsed.data : digestSettingsSchema.parse({});
  const noResponseHours = Object.fromEntries(
    PLATFORMS.map((p) => [
      p,
      stored.noResponseHours[p] ??
        (p === "IPADOS" ? stored.noResponseHours.IOS : undefined) ??
        DEFAULT_NO_RESPONSE_HOURS,
    ]),
  ) as Record<Platform, number>;
  return {
    noResponseHours,
    explicitNoResponseHours: stored.noResponseHours,
    ownerSummaries: stored.ownerSummaries,
    departmentAdminSummaries: stored.departmentAdminSummaries,
  };
}
