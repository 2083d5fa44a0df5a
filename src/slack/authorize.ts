// Who the bot is (its user and bot ids, which Bolt puts in every listener's context).
// Bolt, when not asked to check the token at start, calls auth.test before *every* request: a
// round trip to Slack ahead of each click, against a rate-limited method, and a Slack hiccup
// there drops the click. We ask once (the app asks at start) and keep the answer; a failed
// answer is not kept, so the next request asks again.
import type { AuthorizeResult } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";

export function botAuthorization(client: WebClient, botToken: string): () => Promise<AuthorizeResult> {
  let identity: Promise<{ botUserId?: string; botId?: string }> | null = null;
  return async () => {
    identity ??= client.auth.test({ token: botToken }).then(
      (r) => ({ botUserId: r.user_id, botId: r.bot_id }),
      (err: unknown) => {
        identity = null;
        throw err;
      },
    );
    return { botToken, ...(await identity) };
  };
}
