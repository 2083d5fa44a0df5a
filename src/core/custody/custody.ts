// Who holds each account the MDM depends on (the vendor's column on handing over the administrator role 「管理者引き継ぎのポイント」): the address, whether it is a shared
// group address, who holds the password and where it is kept, who holds the 2FA phone, when it
// was last checked. Never the password, a 2FA code or a key itself.
import type { Db } from "../../db/client.js";
import type { AccountRole } from "../../generated/prisma/client.js";
import type { Actor, Actors } from "../actors.js";
import { audit, type Tx } from "../audit.js";
import type { Clock } from "../clock.js";
import { InvalidInputError } from "../errors.js";
import { notAnEmail } from "../refusals.js";
import { addressWarnings, looksLikeSecret, type AddressWarning } from "./addresses.js";

export const ACCOUNT_ROLES: readonly AccountRole[] = [
  "PANEL_CONTACT",
  "PANEL_SYSTEM_ADMIN",
  "PUSH_CERT_APPLE_ID",
  "ABM_APPLE_ID",
  "ANDROID_ENTERPRISE_GMAIL",
];

export interface CustodyInput {
  role: AccountRole;
  address: string;
  isGroupAddress?: boolean;
  passwordHolder?: string | null;
  passwordLocation?: string | null;
  twoFactorHolder?: string | null;
  notes?: string | null;
  /** The holder checked today that the sign-in still works. */
  verified?: boolean;
}

export interface CustodyDeps {
  db: Db;
  clock: Clock;
  actors: Actors;
}

export class Custody {
  constructor(private readonly deps: CustodyDeps) {}

  /** Records or updates the account for a role; returns it with warnings about its address. */
  async record(actor: Actor, input: CustodyInput) {
    this.deps.actors.requireSystemAdmin(actor);
    const address = input.address.trim().toLowerCase();
    if (!ACCOUNT_ROLES.includes(input.role))
      throw new InvalidInputError("Unknown account role.", { field: "role" }, { reason: "custody.unknown_role" });
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address)) throw notAnEmail(input.address, "address");
    const free = {
      passwordHolder: input.passwordHolder,
      passwordLocation: input.passwordLocation,
      twoFactorHolder: input.twoFactorHolder,
      notes: input.notes,
    };
    for (const [field, value] of Object.entries(free)) {
      if (value && looksLikeSecret(value)) {
        throw new InvalidInputError(
          "Record who holds the password or 2FA phone and where it is kept — never the password or a code itself. Nothing was saved.",
          { field, reason: "secret_refused" },
          { reason: "custody.secret_refused" },
        );
      }
    }
    const now = this.deps.clock.now();
    const account = await this.deps.db.$transaction(async (tx) => {
      // One account per role: a new address replaces the old one (the handover case).
      const existing = await tx.custodyAccount.findFirst({
        where: { role: input.role },
        orderBy: { createdAt: "asc" },
      });
      const data = {
        address,
        isGroupAddress: input.isGroupAddress ?? existing?.isGroupAddress ?? false,
        passwordHolder: clean(input.passwordHolder) ?? existing?.passwordHolder ?? null,
        passwordLocation: clean(input.passwordLocation) ?? existing?.passwordLocation ?? null,
        twoFactorHolder: clean(input.twoFactorHolder) ?? existing?.twoFactorHolder ?? null,
        notes: clean(input.notes) ?? existing?.notes ?? null,
        lastVerifiedAt: input.verified ? now : (existing?.lastVerifiedAt ?? null),
        updatedAt: now,
      };
      const row = existing
        ? await tx.custodyAccount.update({ where: { id: existing.id }, data })
        : await tx.custodyAccount.create({ data: { role: input.role, ...data, createdAt: now } });
      await audit(tx, {
        actor: actor.id,
        action: "custody.record",
        subject: `custody:${row.id}`,
        details: {
          role: input.role,
          addressChanged: existing ? existing.address !== address : true,
          verified: Boolean(input.verified),
        },
        at: now,
      });
      return row;
    });
    return {
      account,
      warnings: await this.warningsFor(this.deps.db, account.address, account.isGroupAddress, account.role),
    };
  }

  /** The oldest account recorded in `role`, to prefill the form that edits it. */
  firstOfRole(role: AccountRole) {
    return this.deps.db.custodyAccount.findFirst({ where: { role }, orderBy: { createdAt: "asc" } });
  }

  async list() {
    const accounts = await this.deps.db.custodyAccount.findMany({ orderBy: [{ role: "asc" }, { createdAt: "asc" }] });
    return Promise.all(
      accounts.map(async (a) => ({
        account: a,
        warnings: await this.warningsFor(this.deps.db, a.address, a.isGroupAddress, a.role),
      })),
    );
  }

  /**
   * Warnings for an account address typed anywhere else than the custody form (a certificate
   * request's Apple ID, a renewal's account): shown where it is first typed. It counts as a group
   * address only when its custody record says so.
   */
  async typedAddressWarnings(address: string, role: AccountRole): Promise<AddressWarning[]> {
    const record = await this.deps.db.custodyAccount.findFirst({
      where: { role, address: address.trim().toLowerCase() },
      select: { isGroupAddress: true },
    });
    return this.warningsFor(this.deps.db, address.trim(), record?.isGroupAddress ?? false, role);
  }

  async warningsFor(tx: Tx, address: string, isGroupAddress: boolean, role?: string): Promise<AddressWarning[]> {
    const person = await tx.person.findUnique({ where: { email: address.toLowerCase() }, select: { id: true } });
    return addressWarnings(address, { isGroupAddress, isPersonsOwn: Boolean(person), role });
  }
}

function clean(v: string | null | undefined): string | null | undefined {
  if (v === undefined || v === null) return v;
  const s = v.trim();
  return s === "" ? undefined : s;
}
