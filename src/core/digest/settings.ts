// The digest's settings, kept in the Setting table so an admin changes them from Slack without a
// restart: the no-response threshold per platform (the vendor's guide to alert e-mails 「重要なアラートメール設定」: "一定期間応答なし", 24 h unless
// set; 0 turns it off), and whether owners and department admins receive their own summary.
import { z } from "zod";
import type { Prisma } from "../../db/client.js";
import type { Tx } from "../audit.js";
import type { Platform } from "../../generated/prisma/enums.js";

export const DIGEST_SETTINGS_KEY = "digest.settings";
export const PLATFORMS: readonly Platform[] = ["IOS", "IPADOS", "MACOS", "ANDROID", "WINDOWS"];
export const DEFAULT_NO_RESPONSE_HOURS = 24;
/**
 * The vendor's no-response alert covers iOS, Android and Windows (iPadOS is iOS there). macOS is
 * not scanned unless an admin gives it a threshold: a Mac left shut for a weekend is not lost.
 */
export const NO_RESPONSE_OFF_BY_DEFAULT: readonly Platform[] = ["MACOS"];

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
        (NO_RESPONSE_OFF_BY_DEFAULT.includes(p) ? 0 : DEFAULT_NO_RESPONSE_HOURS),
    ]),
  ) as Record<Platform, number>;
  return {
    noResponseHours,
    explicitNoResponseHours: stored.noResponseHours,
    ownerSummaries: stored.ownerSummaries,
    departmentAdminSummaries: stored.departmentAdminSummaries,
  };
}

/**
 * Stores a change to the digest's settings; only what an admin set is stored, so a platform
 * left alone keeps following its default.
 */
export async function writeDigestSettings(
  tx: Tx,
  change: {
    noResponseHours?: Partial<Record<Platform, number>>;
    ownerSummaries?: boolean;
    departmentAdminSummaries?: boolean;
  },
): Promise<void> {
  const current = await readDigestSettings(tx);
  const value = {
    noResponseHours: { ...current.explicitNoResponseHours, ...change.noResponseHours },
    ownerSummaries: change.ownerSummaries ?? current.ownerSummaries,
    departmentAdminSummaries: change.departmentAdminSummaries ?? current.departmentAdminSummaries,
  } as unknown as Prisma.InputJsonValue;
  await tx.setting.upsert({
    where: { key: DIGEST_SETTINGS_KEY },
    create: { key: DIGEST_SETTINGS_KEY, value },
    update: { value },
  });
}
