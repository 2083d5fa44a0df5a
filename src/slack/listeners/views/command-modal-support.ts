// What the command modals share: their remembered context, their inputs, and telling the
// admin the outcome ephemerally in the channel they clicked from (a submission has no
// response_url), or in a DM when that channel is unknown.
import type { WebClient } from "@slack/web-api";
import type { ModalContext } from "../../blocks/command-modals.js";

export function modalContext(privateMetadata: string | undefined): ModalContext {
  try {
    const v = JSON.parse(privateMetadata ?? "") as ModalContext;
    return v && typeof v === "object" ? v : {};
  } catch {
    return {};
  }
}

type StateValues = Record<string, Record<string, { value?: string | null; selected_options?: { value: string }[] }>>;

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
