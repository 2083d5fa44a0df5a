// Who the bot is (its user and bot ids, which Bolt puts in every listener's context).
// Bolt, when not asked to check the token at start, calls auth.test before *every* request: a
// round trip to Slack ahead of each click, against a rate-limited method, and a Slack hiccup
// there drops the click. We ask once (the app asks at start) and keep the answer; a failed
// answer is not kept, so the next request asks again, and meanwhile requests go on with the
// token alone: the ids only let Bolt ignore the bot's own messages, and no listener here
// hears messages.
import type { AuthorizeResult } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { log } from "../log.js";

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
    try {
      return { botToken, ...(await identity) };
    } catch (err) {
      log.warn("slack auth.test failed; going on without the bot's ids until it answers", {
        err: (err as Error).message,
      });
      return { botToken };
    }
  };
}
