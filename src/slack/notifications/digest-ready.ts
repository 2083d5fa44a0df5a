// The digest as Slack messages: one post to the admin channel with the long lists as CSV files
// in its thread. Every item carries a dedupe key derived from the digest's day, so the day's
// digest goes out once. Owners' and department admins' DMs: digest-personal.ts.
import type { OutboxItem } from "../../core/outbox.js";
import { ADMIN_CHANNEL, refTs } from "../../core/outbox.js";
import type { Digest } from "../../core/digest/index.js";
import { digestMessage } from "../blocks/digest.js";
import type { NotificationHandler } from "./handler.js";

export const digestReady: NotificationHandler<{ type: "digest.ready"; key: string; digest: Digest }> = async (
  _tx,
  event,
  ctx,
) => {
  const { key, digest } = event;
  const manual = key.startsWith("digest:manual:");
  const day = manual ? digest.at.toISOString().slice(0, 10) : key.slice("digest:".length);
  const { text, blocks, files } = digestMessage(digest, { locale: ctx.locale, timeZone: ctx.timeZone, day, manual });
  const items: OutboxItem[] = [
    {
      method: "chat.postMessage",
      payload: { channel: ADMIN_CHANNEL, text, blocks },
      correlation: key,
      orderingKey: key,
      dedupeKey: key,
    },
    ...files.map(
      (f): OutboxItem => ({
        method: "files.uploadV2",
        payload: {
          channel_id: ADMIN_CHANNEL,
          thread_ts: refTs(key),
          filename: f.filename,
          title: f.title,
          content: Buffer.from(f.content).toString("base64"),
        },
        orderingKey: key,
        dedupeKey: `${key}:file:${f.filename}`,
      }),
    ),
  ];
  return items;
};
