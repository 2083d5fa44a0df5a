// Who is reading, and how: the language and time zone of a Slack user. Their own setting
// (/mdm lang, the Home buttons) wins; else what their Slack profile says (users.info, cached);
// else the app's defaults (APP_LOCALE, APP_TIMEZONE — Japan time).
import type { WebClient } from "@slack/web-api";
import type { Actor } from "../core/actors.js";
import { HOUR } from "../core/clock.js";
import { isTimeZone } from "../lib/time-zone.js";
import { pickLocale, type Locale } from "../i18n/index.js";
import { log } from "../log.js";
import { createWebClient } from "./web-client.js";
import type { SlackDeps } from "./deps.js";

export interface Reader {
  locale: Locale;
  timeZone: string;
}

export interface SlackProfile {
  locale?: string;
  tz?: string;
  email?: string;
  name?: string;
}

const PROFILE_TTL = 6 * HOUR;
// Per running app (keyed by its core), so two apps in one process never share answers.
const caches = new WeakMap<object, Map<string, { at: number; profile: SlackProfile }>>();
const clients = new WeakMap<object, WebClient>();

/** What Slack says about a user (locale, tz, e-mail); {} when Slack is off or does not answer. */
export async function slackProfile(deps: SlackDeps, slackUserId: string): Promise<SlackProfile> {
  const cache = caches.get(deps.core) ?? new Map();
  caches.set(deps.core, cache);
  const now = deps.core.clock.now().getTime();
  const hit = cache.get(slackUserId);
  if (hit && now - hit.at < PROFILE_TTL) return hit.profile;
  if (!deps.config.SLACK_BOT_TOKEN) return {};
  const client = clients.get(deps.core) ?? createWebClient(deps.config);
  clients.set(deps.core, client);
  let profile: SlackProfile = {};
  try {
    const res = await client.users.info({ user: slackUserId, include_locale: true });
    const u = res.user;
    profile = { locale: u?.locale, tz: u?.tz, email: u?.profile?.email, name: u?.real_name ?? u?.profile?.real_name };
  } catch (err) {
    // Unknown user or Slack down: fall back to the defaults, and ask again later.
    log.debug("users.info failed", { code: (err as { data?: { error?: string } }).data?.error });
    return {};
  }
  cache.set(slackUserId, { at: now, profile });
  return profile;
}

/** Forgets what Slack said about a user, e.g. after they changed their own setting. */
export function forgetProfile(deps: SlackDeps, slackUserId: string): void {
  caches.get(deps.core)?.delete(slackUserId);
}

type OwnSettings = { locale: string | null; timeZone: string | null } | null;

/** How someone reads, given their own settings (if any): those, else Slack's profile, else the defaults. */
async function readerOf(deps: SlackDeps, slackUserId: string, own: OwnSettings): Promise<Reader> {
  if (own?.locale && own.timeZone)
    return { locale: pickLocale([own.locale], deps.config.APP_LOCALE), timeZone: own.timeZone };
  const slack = await slackProfile(deps, slackUserId);
  const zone =
    [own?.timeZone, slack.tz].find((z): z is string => Boolean(z && isTimeZone(z))) ?? deps.config.APP_TIMEZONE;
  return { locale: pickLocale([own?.locale, slack.locale], deps.config.APP_LOCALE), timeZone: zone };
}

export async function readerFor(deps: SlackDeps, slackUserId: string): Promise<Reader> {
  return (await whoIsActing(deps, slackUserId)).reader;
}

/**
 * Who is acting (for the core) and how they read (for the reply). Someone Slack knows but the
 * directory does not (yet) by their Slack id is linked on this first contact by the e-mail
 * Slack gives for them — the profile is read anyway for their language, so this costs no call.
 */
export async function whoIsActing(deps: SlackDeps, slackUserId: string): Promise<{ actor: Actor; reader: Reader }> {
  let actor = await deps.core.actors.fromSlack(slackUserId);
  if (!actor.personId) {
    const { email } = await slackProfile(deps, slackUserId);
    if (email && (await deps.core.people.linkSlackUser(slackUserId, email)) === "linked") {
      actor = await deps.core.actors.fromSlack(slackUserId);
    }
  }
  return { actor, reader: await readerOf(deps, slackUserId, actor) };
}

/** The app's defaults: what a reply uses when even finding the person failed. */
export function defaultReader(deps: SlackDeps): Reader {
  return { locale: deps.config.APP_LOCALE, timeZone: deps.config.APP_TIMEZONE };
}

export async function localeFor(deps: SlackDeps, slackUserId: string): Promise<Locale> {
  return (await readerFor(deps, slackUserId)).locale;
}
