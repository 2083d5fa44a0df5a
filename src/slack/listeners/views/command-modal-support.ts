// What the command modals share: their remembered context, their inputs, and telling the
// admin the outcome ephemerally in the channel they clicked from (a submission has no
// response_url), or in a DM when that channel is unknown.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Actor } from "../../../core/actors.js";
import type { Locale } from "../../../i18n/index.js";
import type { SlackDeps } from "../../deps.js";
import type { ModalContext } from "../../blocks/command-modals.js";
import { ackSafely, refusalText } from "../../button.js";
import { whoIsActing } from "../../locale.js";

export function modalContext(privateMetadata: string | undefined): ModalContext {
  try {
    const v = JSON.parse(privateMetadata ?? "") as ModalContext;
    return v && typeof v === "object" ? v : {};
  } catch {
    return {};
  }
}

export type StateValues = Record<
  string,
  Record<string, { value?: string | null; selected_options?: { value: string }[] }>
>;

export function textValue(values: StateValues, blockId: string): string {
  return (values[blockId]?.value?.value ?? "").trim();
}

export function selectedValues(values: StateValues, blockId: string): string[] {
  return (values[blockId]?.value?.selected_options ?? []).map((o) => o.value);
}

export async function tellAdmin(client: WebClient, ctx: ModalContext, user: string, text: string): Promise<void> {
  try {
    if (ctx.ch) await client.chat.postEphemeral({ channel: ctx.ch, user, text });
    else {
      const im = await client.conversations.open({ users: user });
      await client.chat.postMessage({ channel: im.channel!.id!, text });
    }
  } catch {
    // The decision is made and recorded; only this courtesy note was lost.
  }
}

export interface Submission {
  ctx: ModalContext;
  actor: Actor;
  locale: Locale;
  values: StateValues;
}

/**
 * A command modal's submission: `validate` may keep the modal open with a message next to a
 * field; otherwise ack at once, let the core decide, and tell the admin the outcome or why not.
 */
export function commandModal(
  deps: SlackDeps,
  run: (s: Submission) => Promise<string>,
  validate?: (values: StateValues, locale: Locale) => Record<string, string> | null,
) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const {
      actor,
      reader: { locale },
    } = await whoIsActing(deps, body.user.id);
    const values = view.state.values as unknown as StateValues;
    const errors = validate?.(values, locale);
    if (errors) return void (await ack({ response_action: "errors", errors }));
    await ackSafely(() => ack());
    const ctx = modalContext(view.private_metadata);
    try {
      await tellAdmin(client, ctx, body.user.id, await run({ ctx, actor, locale, values }));
    } catch (err) {
      await tellAdmin(client, ctx, body.user.id, refusalText(err, locale));
    }
  };
}
