// The handover checklist for a change of administrator (the administrator handover column's six items). Each item's
// state is computed from the custody records — what is missing — and an admin confirms it once
// complete. A change to the account after the confirmation makes it due for confirming again.
import type { Db, Prisma } from "../../db/client.js";
import type { AccountRole, CustodyAccount } from "../../generated/prisma/client.js";
import type { Actor, Actors } from "../actors.js";
import { audit } from "../audit.js";
import type { Clock } from "../clock.js";
import { InvalidInputError, NotAllowedError } from "../errors.js";
import type { AddressWarning } from "./addresses.js";
import type { Custody } from "./custody.js";

export const HANDOVER_KEYS = [
  "panel_contact",
  "system_admin",
  "push_cert_apple_id",
  "abm_apple_id",
  "android_gmail",
  "internal_rules",
] as const;
export type HandoverKey = (typeof HANDOVER_KEYS)[number];

/** What an item lacks, as stable words the edges translate. */
export type Missing =
  | "account"
  | "password_holder"
  | "password_location"
  | "two_factor_holder"
  | "certificate"
  | "last_sign_in"
  | "policy_url";
export type ItemState = "missing" | "incomplete" | "ready" | "confirmed" | "not_applicable";

/** Seed 001's footnotes: these apply only when iOS devices / DEP-VPP / Android are managed. */
export const OPTIONAL_ITEMS: readonly HandoverKey[] = ["push_cert_apple_id", "abm_apple_id", "android_gmail"];
const NOT_APPLICABLE = "not_applicable";

/** Devices still under management (a wiped ADE device coming back counts: it re-enrols through ABM). */
const ENROLLED: Prisma.DeviceWhereInput = { state: { notIn: ["WIPED", "UNENROLLED"] } };

/**
 * Seed 001's footnotes read the other way round: while devices that need an account are enrolled,
 * that account is used here. iOS/macOS devices need the push certificate's Apple ID; ADE devices
 * (or an ADE/VPP token on record) need the ABM/ASM Apple ID; Android devices need the Gmail.
 */
async function inUse(db: Db): Promise<Record<"push_cert_apple_id" | "abm_apple_id" | "android_gmail", boolean>> {
  const [apple, ade, tokens, android] = await Promise.all([
    db.device.count({ where: { ...ENROLLED, platform: { in: ["IOS", "IPADOS", "MACOS"] } } }),
    db.device.count({ where: { ...ENROLLED, ade: true } }),
    db.renewal.count({ where: { kind: { in: ["ADE_TOKEN", "VPP_TOKEN"] }, expiresAt: { not: null } } }),
    db.device.count({ where: { ...ENROLLED, platform: "ANDROID" } }),
  ]);
  return { push_cert_apple_id: apple > 0, abm_apple_id: ade + tokens > 0, android_gmail: android > 0 };
}

export interface HandoverItemView {
  key: HandoverKey;
  state: ItemState;
  missing: Missing[];
  warnings: AddressWarning[];
  account: CustodyAccount | null;
  url: string | null;
  confirmedAt: Date | null;
  confirmedBy: string | null;
}

const ROLE: Partial<Record<HandoverKey, AccountRole>> = {
  panel_contact: "PANEL_CONTACT",
  system_admin: "PANEL_SYSTEM_ADMIN",
  push_cert_apple_id: "PUSH_CERT_APPLE_ID",
  abm_apple_id: "ABM_APPLE_ID",
  android_gmail: "ANDROID_ENTERPRISE_GMAIL",
};

/** Which custody facts each item needs (the vendor's column on handing over the administrator role 「管理者引き継ぎのポイント」: password holder and 2FA phone holder for Apple IDs). */
const NEEDS: Record<HandoverKey, Missing[]> = {
  panel_contact: [],
  system_admin: ["password_holder", "password_location"],
  push_cert_apple_id: ["password_holder", "password_location", "two_factor_holder", "certificate"],
  abm_apple_id: ["password_holder", "password_location", "two_factor_holder"],
  android_gmail: ["password_holder", "password_location", "two_factor_holder", "last_sign_in"],
  internal_rules: ["policy_url"],
};

export interface HandoverDeps {
  db: Db;
  clock: Clock;
  actors: Actors;
  custody: Custody;
  /** LOST_DEVICE_POLICY_URL, used until an admin records another. */
  policyUrl?: string;
}

export class Handover {
  constructor(private readonly deps: HandoverDeps) {}

  async checklist(): Promise<HandoverItemView[]> {
    const db = this.deps.db;
    const [accounts, items, renewals, used] = await Promise.all([
      db.custodyAccount.findMany({ orderBy: { createdAt: "asc" } }),
      db.handoverItem.findMany(),
      db.renewal.findMany({ select: { kind: true, expiresAt: true, lastSignInAt: true } }),
      inUse(db),
    ]);
    const views: HandoverItemView[] = [];
    for (const key of HANDOVER_KEYS) {
      const item = items.find((i) => i.key === key) ?? null;
      const role = ROLE[key];
      const account = role ? (accounts.find((a) => a.role === role) ?? null) : null;
      const url = item?.url ?? this.deps.policyUrl ?? null;
      const missing: Missing[] = [];
      if (role && !account) missing.push("account");
      for (const need of NEEDS[key]) {
        if (need === "password_holder" && account && !account.passwordHolder) missing.push(need);
        if (need === "password_location" && account && !account.passwordLocation) missing.push(need);
        if (need === "two_factor_holder" && account && !account.twoFactorHolder) missing.push(need);
        if (need === "certificate" && !renewals.some((r) => r.kind === "PUSH_CERTIFICATE" && r.expiresAt))
          missing.push(need);
        if (need === "last_sign_in" && !renewals.some((r) => r.kind === "ANDROID_ENTERPRISE_GMAIL" && r.lastSignInAt))
          missing.push(need);
        if (need === "policy_url" && !url) missing.push(need);
      }
      const warnings = account
        ? await this.deps.custody.warningsFor(db, account.address, account.isGroupAddress, account.role)
        : [];
      const nothing = role ? !account : !url;
      // A confirmation covers the account as it was: a later change needs a new one.
      const confirmed = Boolean(
        item?.confirmedAt && (!account || item.confirmedAt.getTime() >= account.updatedAt.getTime()),
      );
      // "Not used here" holds only while no enrolled device needs the account.
      const needed = used[key as keyof typeof used] ?? false;
      const unused = nothing && item?.note === NOT_APPLICABLE && !needed;
      const state: ItemState = unused
        ? "not_applicable"
        : nothing
          ? "missing"
          : missing.length
            ? "incomplete"
            : confirmed
              ? "confirmed"
              : "ready";
      const shown = confirmed || unused;
      views.push({
        key,
        state,
        missing: unused ? [] : missing,
        warnings,
        account,
        url,
        confirmedAt: shown ? item!.confirmedAt : null,
        confirmedBy: shown ? item!.confirmedBy : null,
      });
    }
    return views;
  }

  async confirm(actor: Actor, key: string, note?: string): Promise<HandoverItemView> {
    this.deps.actors.requireAdmin(actor);
    if (!HANDOVER_KEYS.includes(key as HandoverKey))
      throw new InvalidInputError(`Unknown checklist item "${key}".`, {}, { reason: "handover.unknown_item" });
    const view = (await this.checklist()).find((v) => v.key === key)!;
    if (view.missing.length) {
      throw new NotAllowedError(
        `This item cannot be confirmed yet; missing: ${view.missing.join(", ")}.`,
        { reason: "incomplete", missing: view.missing },
        { reason: "handover.incomplete", params: { missing: view.missing.join(", ") } },
      );
    }
    const now = this.deps.clock.now();
    await this.deps.db.$transaction(async (tx) => {
      await tx.handoverItem.upsert({
        where: { key },
        create: { key, confirmedAt: now, confirmedBy: actor.id, note: note ?? null },
        update: { confirmedAt: now, confirmedBy: actor.id, note: note ?? null },
      });
      await audit(tx, {
        actor: actor.id,
        action: "handover.confirm",
        subject: `handover:${key}`,
        details: {},
        at: now,
      });
    });
    return (await this.checklist()).find((v) => v.key === key)!;
  }

  /** "We do not manage Android" (etc.): the item counts as done until its account is recorded. */
  async markNotApplicable(actor: Actor, key: string): Promise<HandoverItemView> {
    this.deps.actors.requireAdmin(actor);
    if (!OPTIONAL_ITEMS.includes(key as HandoverKey))
      throw new NotAllowedError(
        "Only the push-certificate Apple ID, the ABM/ASM Apple ID and the Android Enterprise Gmail can be marked as not used.",
        {},
        { reason: "handover.not_optional" },
      );
    if ((await inUse(this.deps.db))[key as keyof Awaited<ReturnType<typeof inUse>>])
      throw new NotAllowedError(`Enrolled devices need the ${key} account, so it is used here.`, {
        reason: "in_use",
        reasonKey: `handover.in_use.${key}`,
      });
    const now = this.deps.clock.now();
    await this.deps.db.$transaction(async (tx) => {
      const data = { confirmedAt: now, confirmedBy: actor.id, note: NOT_APPLICABLE };
      await tx.handoverItem.upsert({ where: { key }, create: { key, ...data }, update: data });
      await audit(tx, {
        actor: actor.id,
        action: "handover.not_applicable",
        subject: `handover:${key}`,
        details: {},
        at: now,
      });
    });
    return (await this.checklist()).find((v) => v.key === key)!;
  }

  /** The internal lost-device policy document, linked from the checklist. */
  async setPolicyUrl(actor: Actor, url: string): Promise<void> {
    this.deps.actors.requireSystemAdmin(actor);
    if (!/^https?:\/\/\S+$/i.test(url.trim()))
      throw new InvalidInputError(
        "Give the policy document's address, starting with https://",
        {},
        { reason: "handover.policy_url" },
      );
    const now = this.deps.clock.now();
    await this.deps.db.$transaction(async (tx) => {
      await tx.handoverItem.upsert({
        where: { key: "internal_rules" },
        create: { key: "internal_rules", url: url.trim() },
        update: { url: url.trim() },
      });
      await audit(tx, {
        actor: actor.id,
        action: "handover.policy_url",
        subject: "handover:internal_rules",
        details: {},
        at: now,
      });
    });
  }
}
