// What the command buttons and modals share: reading a button's value, and explaining a refusal
// in the admin's language (the core's reason key when it has one, else its English reason).
import type { AllMiddlewareArgs, BlockButtonAction, RespondFn, SlackActionMiddlewareArgs } from "@slack/bolt";
import { ConflictError, DomainError } from "../core/errors.js";
import type { Actor } from "../core/actors.js";
import type { CommandType } from "../generated/prisma/client.js";
import { t, type Locale } from "../i18n/index.js";
import type { SlackDeps } from "./app.js";
import { errorText } from "./errors.js";
import { localeFor } from "./locale.js";
import { log } from "../log.js";

export interface ButtonTarget {
  r?: string;
  d?: string;
  c?: string;
}

export function parseTarget(value: string | undefined): ButtonTarget | null {
  try {
    const v = JSON.parse(value ?? "") as ButtonTarget;
    return v && typeof v === "object" && (typeof v.r === "string" || typeof v.d === "string" || typeof v.c === "string") ? v : null;
  } catch {
    return null;
  }
}

export function commandErrorText(err: unknown, locale: Locale): string {
  if (err instanceof ConflictError && typeof err.details.state === "string" && typeof err.details.type === "string") {
    return `:information_source: ${t(locale, "commands.refused.duplicate", { type: t(locale, `command.type.${err.details.type}`), state: t(locale, `command.state.${err.details.state}`) })}`;
  }
  const key = err instanceof DomainError ? err.details.reasonKey : undefined;
  if (typeof key === "string") {
    const reason = t(locale, key);
    if (reason !== key) return `:warning: ${t(locale, `error.${(err as DomainError).code}`, { reason, what: reason })}`;
  }
  return errorText(err, locale);
}

export function ephemeral(respond: RespondFn, text: string) {
  return respond({ response_type: "ephemeral", replace_original: false, text }).catch(() => {});
}

type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/**
 * Acks, tolerating an ack that comes too late (a busy replica past Slack's 3 seconds: the
 * receiver has already answered). The click still counts; the reply says how it went.
 */
export async function ackSafely(ack: () => Promise<void>): Promise<void> {
  await ack().catch((err: Error) => log.warn("late ack: Slack was already answered", { err: err.message }));
}

export interface Click {
  target: ButtonTarget;
  actor: Actor;
  locale: Locale;
  args: ButtonArgs;
}

/**
 * An incident button: ack first (Slack's 3 seconds), then the core decides; the clicker alone
 * reads the outcome — or why not. `needs` is the id the button's value must carry.
 */
export function incidentButton(deps: SlackDeps, needs: "d" | "r" | "any", run: (click: Click) => Promise<string | null>) {
  return async (args: ButtonArgs) => {
    const { ack, body, action, respond } = args;
    await ackSafely(ack);
    const locale = await localeFor(deps, body.user.id);
    const target = parseTarget(action.value);
    if (!target || (needs !== "any" && !target[needs])) return void (await ephemeral(respond, t(locale, "commands.ephemeral.bad_button")));
    try {
      const actor = await deps.core.actors.fromSlack(body.user.id);
      const text = await run({ target, actor, locale, args });
      if (text) await ephemeral(respond, text);
    } catch (err) {
      await ephemeral(respond, commandErrorText(err, locale));
    }
  };
}

/** A button whose click is the whole decision (no modal). The incident message updates through the outbox. */
export function commandButton(deps: SlackDeps, type: CommandType) {
  return incidentButton(deps, "d", async ({ target, actor, locale }) => {
    const command = await deps.core.commands.request(actor, { deviceId: target.d!, type, reportId: target.r ?? null });
    return queuedText(deps, command.deviceId, type, command.state, locale);
  });
}

export async function deviceName(deps: SlackDeps, deviceId: string): Promise<string> {
  const device = await deps.core.deps.db.device.findUnique({ where: { id: deviceId }, select: { name: true } });
  return device?.name ?? "";
}

export async function queuedText(deps: SlackDeps, deviceId: string, type: CommandType, state: string, locale: Locale): Promise<string> {
  const name = await deviceName(deps, deviceId);
  if (state === "AWAITING_APPROVAL") return t(locale, "commands.ephemeral.wipe_requested", { name });
  return t(locale, "commands.ephemeral.queued", { type: t(locale, `command.type.${type}`), name });
}
