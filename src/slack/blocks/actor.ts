// Who did something, as Slack shows it: an actor recorded as "slack:U1" is a mention, any other
// actor (the system, a web reporter) is shown as recorded.
import { slackMention } from "../edge.js";

/** "slack:U1" → a mention; other actors as recorded. */
export function who(actor: string | null | undefined): string {
  if (!actor) return "—";
  return actor.startsWith("slack:") ? slackMention(actor.slice(6)) : actor;
}
