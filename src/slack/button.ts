// What every button listener shares: ack first (Slack's 3 seconds, tolerating a late ack), find
// who clicked and how they read, let the core decide, and show the clicker alone the outcome —
// or, translated once here, why not.
import type { AllMiddlewareArgs, BlockButtonAction, RespondFn, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { Actor } from "../core/actors.js";
import { ConflictError } from "../core/errors.js";
import { t, textOr, type Locale } from "../i18n/index.js";
import { log } from "../log.js";
import type { SlackDeps } from "./deps.js";
import { errorText } from "./errors.js";
import { defaultReader, whoIsActing, type Reader } from "./locale.js";

export type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

export interface ButtonClick {
  actor: Actor;
  reader: Reader;
  locale: Locale;
  /** The button's value, as sent. */
  value: string;
  args: ButtonArgs;
}

/** Text for the clicker, or a whole ephemeral message; null to say nothing. */
export type ButtonReply = string | { text: string; blocks?: unknown[]; replaceOriginal?: boolean } | null;

/**
 * Acks, tolerating an ack that comes too late (a busy replica past Slack's 3 seconds: the
 * receiver has already answered). The click still counts; the reply says how it went.
 */
export async function ackSafely(ack: () => Promise<void>): Promise<void> {
  await ack().catch((err: Error) => log.warn("late ack: Slack was already answered", { err: err.message }));
}

/** A refusal in the reader's language: a duplicate command by its type and state, any other as errorText says it. */
export function refusalText(err: unknown, locale: Locale): string {
  if (err instanceof ConflictError && typeof err.details.state === "string" && typeof err.details.type === "string") {
    return `:information_source: ${t(locale, "commands.refused.duplicate", { type: textOr(locale, `command.type.${err.details.type}`, err.details.type), state: textOr(locale, `command.state.${err.details.state}`, err.details.state) })}`;
  }
  return errorText(err, locale);
}

export function button(deps: SlackDeps, run: (click: ButtonClick) => Promise<ButtonReply>) {
  return async (args: ButtonArgs) => {
    const { ack, body, action } = args;
    await ackSafely(ack);
    let reader = defaultReader(deps);
    let reply: ButtonReply;
    try {
      const who = await whoIsActing(deps, body.user.id);
      reader = who.reader;
      reply = await run({ actor: who.actor, reader, locale: reader.locale, value: action.value ?? "", args });
    } catch (err) {
      reply = refusalText(err, reader.locale);
    }
    if (reply === null) return;
    const message = typeof reply === "string" ? { text: reply } : reply;
    await answerClicker(args, message);
  };
}

/**
 * The clicker's answer: ephemeral where they clicked, through response_url. A click on the App
 * Home has none (Slack gives one only for messages), so it is answered in the app's DM with them,
 * which the Home's "Messages" tab shows.
 */
export async function answerClicker(
  args: Pick<AllMiddlewareArgs, "client"> & { body: { user: { id: string } }; respond?: RespondFn },
  message: { text: string; blocks?: unknown[]; replaceOriginal?: boolean },
): Promise<void> {
  const blocks = message.blocks ? { blocks: message.blocks as never } : {};
  const respond = args.respond as RespondFn | undefined;
  if (!respond) {
    await args.client.chat.postMessage({ channel: args.body.user.id, text: message.text, ...blocks }).catch(() => {});
    return;
  }
  await respond({
    response_type: "ephemeral",
    replace_original: message.replaceOriginal ?? false,
    text: message.text,
    ...blocks,
  }).catch(() => {});
}
