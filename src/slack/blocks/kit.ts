// Block Kit's small pieces, shared by every builder: text objects within Slack's limits and
// the one way a value people typed (device names, notes, app ids) goes into a message: marked
// as text, which the Slack edge then shows as text wherever it lands (src/slack/edge.ts).
import { clipText, slackText } from "../edge.js";

/** A value people, forms or devices sent, as text in any message (mrkdwn or plain text). */
export const escapeMrkdwn = slackText;

/** Text cut to Slack's limit for its field, with an ellipsis when cut. */
export const clip = clipText;

/** A plain_text object (buttons 75 characters, headers 150, modal titles 24). */
export const plain = (text: string, max = 75) => ({ type: "plain_text" as const, text: clip(text, max), emoji: true });

/** A mrkdwn text object. */
export const mrkdwn = (text: string, max = 3000) => ({ type: "mrkdwn" as const, text: clip(text, max) });

export const section = (text: string) => ({ type: "section" as const, text: mrkdwn(text) });
export const context = (text: string) => ({ type: "context" as const, elements: [mrkdwn(text)] });
export const header = (text: string) => ({ type: "header" as const, text: plain(text, 150) });
export const divider = { type: "divider" as const };

export const button = (text: string, action_id: string, value: string, style?: "primary" | "danger") => ({
  type: "button" as const,
  text: plain(text),
  action_id,
  value,
  ...(style ? { style } : {}),
});
