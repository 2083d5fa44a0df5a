// The owner's consent as a full reset request checks it (incident response): given, not yet used, and
// asked within the last 7 days — an old "yes" does not cover a later loss.
import type { OwnerConsent } from "../../generated/prisma/client.js";
import type { Tx } from "../audit.js";
import { DAY } from "../clock.js";

export const CONSENT_VALID_MS = 7 * DAY;

/** A consent the owner gave, not yet used and not lapsed: what a full reset request needs. */
export function usableConsent(tx: Tx, deviceId: string, now: Date): Promise<OwnerConsent | null> {
  return tx.ownerConsent.findFirst({
    where: { deviceId, state: "GIVEN", commandId: null, expiresAt: { gt: now } },
    orderBy: { decidedAt: "desc" },
  });
}
