// Is the Slack app really usable: the token Slack accepts, the scopes the manifest asks for,
// the bot inside the admin channel, and e-mail addresses coming back from users.info (the
// people directory matches Slack users by e-mail). Each answer names the fix.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { WebClient } from "@slack/web-api";
import { slackEnabled, type Config } from "../config.js";
import { check, type CheckResult } from "../setup/types.js";
import { createWebClient } from "./web-client.js";

const FIX = "creating-the-slack-app";
const MANIFEST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../slack-app-manifest.yml");

/** The bot scopes slack-app-manifest.yml asks for (the list under oauth_config.scopes.bot). */
export function manifestBotScopes(text = readFileSync(MANIFEST, "utf8")): string[] {
  const block = /\n\s+bot:\s*\n((?:\s+-\s+[\w:.]+.*\n)+)/.exec(text)?.[1] ?? "";
  return [...block.matchAll(/-\s+([\w:.]+)/g)].map((m) => m[1]!);
}

/** Slack's error code from a WebClient failure, or the transport's message. */
function slackError(err: unknown): string {
  const e = err as { data?: { error?: string }; code?: string; message?: string };
  return e.data?.error ?? e.message ?? String(err);
}

export async function slackChecks(config: Config, client?: WebClient): Promise<CheckResult[]> {
  if (!slackEnabled(config)) {
    const missing = ["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"]
      .filter((k) => !config[k as "SLACK_BOT_TOKEN"])
      .join(", ");
    return [check("slack", "not_configured", "setup.slack.off", { missing }, FIX)];
  }
  const web = client ?? createWebClient(config);
  let auth;
  try {
    // Once more on a network error (a kept-alive connection closed under us), never on Slack's answer.
    auth = await web.auth
      .test()
      .catch((err) => ((err as { data?: unknown }).data ? Promise.reject(err) : web.auth.test()));
  } catch (err) {
    const error = slackError(err);
    const key = /token_revoked|invalid_auth|not_authed|account_inactive|token_expired/.test(error)
      ? "setup.slack.token_refused"
      : "setup.slack.unreachable";
    return [check("slack", "failing", key, { error }, FIX)];
  }
  const out = [
    check("slack", "ok", "setup.slack.ok", { team: auth.team ?? auth.team_id ?? "?", bot: auth.user ?? "?" }),
  ];

  const granted = auth.response_metadata?.scopes;
  if (!granted) out.push(check("slack.scopes", "warning", "setup.slack.scopes_unknown", undefined, FIX));
  else {
    const missing = manifestBotScopes().filter((s) => !granted.includes(s));
    out.push(
      missing.length
        ? check("slack.scopes", "failing", "setup.slack.scopes_missing", { missing: missing.join(", ") }, FIX)
        : check("slack.scopes", "ok", "setup.slack.scopes_ok", { count: granted.length }),
    );
  }

  out.push(await channelCheck(web, config.SLACK_ADMIN_CHANNEL, auth.user ?? "lost-device-desk"));
  out.push(await emailCheck(web, config.SLACK_ADMIN_USER_IDS));
  return out;
}

async function channelCheck(web: WebClient, channel: string | undefined, bot: string): Promise<CheckResult> {
  if (!channel) return check("slack.channel", "failing", "setup.slack.channel_unset", undefined, FIX);
  try {
    const info = await web.conversations.info({ channel });
    const name = info.channel?.name ?? channel;
    if (info.channel?.is_member === false)
      return check("slack.channel", "failing", "setup.slack.channel_not_member", { channel: name, bot }, FIX);
    return check("slack.channel", "ok", "setup.slack.channel_ok", { channel: name });
  } catch (err) {
    const error = slackError(err);
    // A private channel the bot is not in looks, to the bot, like no channel at all.
    if (error === "channel_not_found")
      return check("slack.channel", "failing", "setup.slack.channel_not_found", { channel, bot }, FIX);
    return check("slack.channel", "failing", "setup.slack.channel_error", { channel, error }, FIX);
  }
}

/**
 * users:read.email is what makes users.info carry profile.email; without it Slack still answers,
 * just without addresses, and nobody is matched. Asked about an administrator (a real person) or,
 * with none configured, the first people of the workspace.
 */
async function emailCheck(web: WebClient, adminIds: readonly string[]): Promise<CheckResult> {
  try {
    let people: { id?: string; is_bot?: boolean; deleted?: boolean; profile?: { email?: string } }[];
    if (adminIds.length) people = [(await web.users.info({ user: adminIds[0]! })).user ?? {}];
    else
      people = ((await web.users.list({ limit: 50 })).members ?? []).filter(
        (m) => !m.is_bot && !m.deleted && m.id !== "USLACKBOT",
      );
    if (!people.length) return check("slack.email", "warning", "setup.slack.email_nobody", undefined, FIX);
    if (people.some((p) => p.profile?.email)) return check("slack.email", "ok", "setup.slack.email_ok");
    return check("slack.email", "failing", "setup.slack.email_missing", undefined, FIX);
  } catch (err) {
    const error = slackError(err);
    if (error === "user_not_found")
      return check("slack.email", "failing", "setup.slack.admin_unknown", { user: adminIds[0] ?? "" }, FIX);
    return check("slack.email", "failing", "setup.slack.email_error", { error }, FIX);
  }
}
