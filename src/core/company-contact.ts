// The company's own contact details, set by a system administrator from Slack and kept in the
// Setting table: the help-desk phone (on a lost device's lock screen, and on every portal page
// where an employee may need a person), the organisation's name, and the lock-screen message.
// A reporter's private call-back number is never used for the lock screen of a phone that may
// be in a thief's hands.
import { z } from "zod";
import type { Db } from "../db/client.js";
import type { Actor, Actors } from "./actors.js";
import { audit } from "./audit.js";
import type { Clock } from "./clock.js";
import { InvalidInputError } from "./errors.js";
import { notAPhone } from "./refusals.js";

export const COMPANY_CONTACT_KEY = "company.contact";
export const PHONE_PATTERN = /^[+0-9()\-\s]{3,30}$/;
const MAX_MESSAGE = 200;

/** Lock-screen messages when none is set (Apple shows the phone number under the message). */
export const DEFAULT_LOCK_MESSAGE = {
  ja: "このデバイスは紛失中です。拾われた方は下記までご連絡ください。",
  en: "This device has been lost. If you found it, please call the number below.",
} as const;

const stored = z.object({
  helpDeskPhone: z.string().nullable().default(null),
  organisation: z.string().nullable().default(null),
  lockMessage: z
    .object({ ja: z.string().nullable().default(null), en: z.string().nullable().default(null) })
    .default({ ja: null, en: null }),
});

export type CompanyContact = z.infer<typeof stored>;

export type CompanyContactChange = Partial<{
  helpDeskPhone: string | null;
  organisation: string | null;
  lockMessage: Partial<Record<"ja" | "en", string | null>>;
}>;

export interface CompanyContactDeps {
  db: Db;
  clock: Clock;
  actors: Actors;
}

const blankToNull = (v: string | null | undefined) => (v == null ? null : v.trim() || null);

/** The stored contact details (defaults where nothing is set), inside any transaction. */
export async function readCompanyContact(db: Pick<Db, "setting">): Promise<CompanyContact> {
  const row = await db.setting.findUnique({ where: { key: COMPANY_CONTACT_KEY } });
  const parsed = stored.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : stored.parse({});
}

export class CompanyContactSettings {
  constructor(private readonly deps: CompanyContactDeps) {}

  get(): Promise<CompanyContact> {
    return readCompanyContact(this.deps.db);
  }

  /** What a lost device's lock screen shows by default, in `locale`. */
  async lockScreen(locale: "ja" | "en"): Promise<{ message: string; phone: string | null }> {
    const c = await this.get();
    const message = c.lockMessage[locale] ?? DEFAULT_LOCK_MESSAGE[locale];
    return { message: c.organisation ? `${c.organisation}: ${message}` : message, phone: c.helpDeskPhone };
  }

  async set(actor: Actor, change: CompanyContactChange): Promise<CompanyContact> {
    this.deps.actors.requireSystemAdmin(actor);
    const phone = change.helpDeskPhone === undefined ? undefined : blankToNull(change.helpDeskPhone);
    if (phone && !PHONE_PATTERN.test(phone)) throw notAPhone({ field: "helpDeskPhone" });
    const organisation = change.organisation === undefined ? undefined : blankToNull(change.organisation);
    if (organisation && organisation.length > 100)
      throw new InvalidInputError("the organisation name is longer than 100 characters", {
        field: "organisation",
        reasonKey: "company.error.organisation",
      });
    for (const m of Object.values(change.lockMessage ?? {})) {
      if (m && m.trim().length > MAX_MESSAGE)
        throw new InvalidInputError(`the lock-screen message is longer than ${MAX_MESSAGE} characters`, {
          field: "lockMessage",
          reasonKey: "company.error.message",
        });
    }
    return this.deps.db.$transaction(async (tx) => {
      const row = await tx.setting.findUnique({ where: { key: COMPANY_CONTACT_KEY } });
      const current = stored.safeParse(row?.value ?? {}).data ?? stored.parse({});
      const next: CompanyContact = {
        helpDeskPhone: phone === undefined ? current.helpDeskPhone : phone,
        organisation: organisation === undefined ? current.organisation : organisation,
        lockMessage: {
          ja: change.lockMessage?.ja === undefined ? current.lockMessage.ja : blankToNull(change.lockMessage.ja),
          en: change.lockMessage?.en === undefined ? current.lockMessage.en : blankToNull(change.lockMessage.en),
        },
      };
      await tx.setting.upsert({
        where: { key: COMPANY_CONTACT_KEY },
        create: { key: COMPANY_CONTACT_KEY, value: next },
        update: { value: next },
      });
      await audit(tx, {
        actor: actor.id,
        action: "company.contact",
        subject: COMPANY_CONTACT_KEY,
        details: next,
        at: this.deps.clock.now(),
      });
      return next;
    });
  }
}
