// A person's own reading preferences: language and time zone. They win over what Slack says,
// so someone whose Slack is in English can still read the bot in Japanese.
import type { Db } from "../db/client.js";
import type { Actor } from "./actors.js";
import { audit } from "./audit.js";
import type { Clock } from "./clock.js";
import { InvalidInputError } from "./errors.js";
import { isTimeZone } from "../lib/time-zone.js";

export interface PreferencesDeps {
  db: Db;
  clock: Clock;
}

export class Preferences {
  constructor(private readonly deps: PreferencesDeps) {}

  /**
   * Sets the acting Slack user's language (`null`: follow Slack again) and optionally time zone.
   * Someone not yet known is recorded with the e-mail Slack gives for them.
   */
  async set(
    actor: Actor,
    prefs: { locale?: "ja" | "en" | null; timeZone?: string | null },
    profile?: { email?: string; name?: string },
  ) {
    if (!actor.slackUserId)
      throw new InvalidInputError("Only a Slack user has preferences here.", {}, { reason: "preferences.slack_only" });
    if (prefs.timeZone && !isTimeZone(prefs.timeZone))
      throw new InvalidInputError(
        `unknown time zone "${prefs.timeZone}" (e.g. Asia/Tokyo)`,
        { field: "timeZone" },
        { reason: "preferences.time_zone", params: { zone: prefs.timeZone } },
      );
    const data = {
      ...(prefs.locale !== undefined ? { locale: prefs.locale } : {}),
      ...(prefs.timeZone !== undefined ? { timeZone: prefs.timeZone } : {}),
    };
    const slackUserId = actor.slackUserId;
    return this.deps.db.$transaction(async (tx) => {
      const existing = await tx.person.findUnique({ where: { slackUserId } });
      let person;
      if (existing) person = await tx.person.update({ where: { id: existing.id }, data });
      else {
        const email = profile?.email?.toLowerCase();
        if (!email)
          throw new InvalidInputError(
            "Slack did not tell us your e-mail address; ask an administrator to add you.",
            {},
            { reason: "preferences.no_email" },
          );
        const byEmail = await tx.person.findUnique({ where: { email } });
        person = byEmail
          ? await tx.person.update({ where: { id: byEmail.id }, data: { ...data, slackUserId } })
          : await tx.person.create({
              data: { ...data, email, name: profile?.name ?? null, slackUserId, autoCreated: true },
            });
      }
      await audit(tx, {
        actor: actor.id,
        action: "person.preferences",
        subject: `person:${person.id}`,
        details: data,
        at: this.deps.clock.now(),
      });
      return person;
    });
  }
}
