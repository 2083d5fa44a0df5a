// Domain errors: small classes with a stable `code`, thrown by the core and translated once at
// each edge (HTTP status in src/web/errors.ts, an ephemeral message in Slack).
import type { Reason } from "./reasons.js";

/**
 * Why, as a stable name: the edge translates it once (i18n `error.reason.<reason>`, with `params`)
 * for the person who asked, in their language. The English `message` stays for logs, the command
 * line and API bodies; the core knows no catalog. A param whose name ends in `Key` names a catalog
 * key instead of a value (`stateKey: "command.state.CANCELLED"`): the edge shows its translation
 * as `{state}`.
 */
export interface Refusal {
  reason: Reason;
  params?: Record<string, string | number>;
}

export class DomainError extends Error {
  readonly code: string = "domain_error";
  readonly reason: string | undefined;
  readonly params: Record<string, string | number>;
  constructor(
    message: string,
    /** Extra facts for the edge to render (a field name, a device name). Never personal data. */
    readonly details: Record<string, unknown> = {},
    refusal?: Refusal,
  ) {
    super(message);
    this.name = new.target.name;
    this.reason = refusal?.reason;
    this.params = refusal?.params ?? {};
  }
}

/** The input is wrong; the caller can fix it. */
export class InvalidInputError extends DomainError {
  override readonly code = "invalid_input";
}

/** The actor may not do this. Checked in the core, whatever the UI showed. */
export class NotAuthorizedError extends DomainError {
  override readonly code = "not_authorized";
}

export class NotFoundError extends DomainError {
  override readonly code = "not_found";
}

/** The rules forbid it for this device or state (lost mode on an unsupervised iPhone). */
export class NotAllowedError extends DomainError {
  override readonly code = "not_allowed";
}

/** Someone else got there first (a second click, a second replica). */
export class ConflictError extends DomainError {
  override readonly code = "conflict";
}

export class UnauthenticatedError extends DomainError {
  override readonly code = "unauthenticated";
}
