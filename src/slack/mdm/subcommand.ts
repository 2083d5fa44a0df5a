// What one /mdm subcommand is and what it is given; each subcommand's file imports this, and
// index.ts lists them.
import type { RespondFn, SlashCommand } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Actor } from "../../core/actors.js";
import { t, type Locale, type MessageKey } from "../../i18n/index.js";
import type { SlackDeps } from "../deps.js";
import type { Reader } from "../locale.js";

export interface MdmContext {
  args: string[];
  /** Everything after the subcommand's name, as typed. */
  rawArgs: string;
  actor: Actor;
  /** How the person who typed it reads: language and time zone. */
  reader: Reader;
  locale: Locale;
  respond: RespondFn;
  client: WebClient;
  command: SlashCommand;
  deps: SlackDeps;
}

export interface MdmSubcommand {
  name: string;
  aliases?: string[];
  /** i18n key of a one-line usage, e.g. "mdm.help.device" → "device <name|serial|email> — …". */
  usageKey: MessageKey;
  /** Who `/mdm help` lists it for (the core still decides who may run it): administrators by default. */
  audience?: "everyone" | "admins" | "system_admins";
  run(ctx: MdmContext): Promise<void>;
}

/** "device <name|serial> — show its card" → "• `/mdm device <name|serial>` — show its card". */
export function usageLine(locale: Locale, usageKey: MessageKey): string {
  const [call, ...what] = t(locale, usageKey).split(" — ");
  return `• \`/mdm ${call}\`${what.length ? ` — ${what.join(" — ")}` : ""}`;
}
