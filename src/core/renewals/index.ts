// Renewals and custody, assembled for createCore: the push certificate, the tokens and Gmail,
// who holds each account, and the handover checklist.
import type { Actors } from "../actors.js";
import { PushCertificates } from "../certificates/push-certificates.js";
import { Custody } from "../custody/custody.js";
import { Handover } from "../custody/handover.js";
import type { CoreDeps } from "../deps.js";
import { Renewals } from "./renewals.js";
import { DEFAULT_RENEWAL_SETTINGS } from "./settings.js";

export { renewalsDueSoon } from "./renewals.js";

export function createRenewalServices(deps: CoreDeps, actors: Actors) {
  const settings = deps.settings.renewals ?? DEFAULT_RENEWAL_SETTINGS;
  const base = { db: deps.db, clock: deps.clock, actors };
  const custody = new Custody(base);
  return {
    pushCertificates: new PushCertificates({ ...base, events: deps.events, settings }),
    renewals: new Renewals({ ...base, events: deps.events, settings, timeZone: deps.settings.timeZone }),
    custody,
    handover: new Handover({ ...base, custody, policyUrl: settings.lostDevicePolicyUrl }),
  };
}
