// Refusals several parts of the core say in the same words: one definition each, so the English
// message, the reason code and therefore the translated text cannot drift apart.
import type { Command } from "../generated/prisma/client.js";
import { ConflictError, InvalidInputError, NotAllowedError, NotAuthorizedError } from "./errors.js";

/** A typed address that is not one (the address itself stays in the English message only). */
export function notAnEmail(typed: string, field: string): InvalidInputError {
  return new InvalidInputError(`"${typed}" is not an email address.`, { field }, { reason: "input.not_email" });
}

/** A phone number with a character a phone never dials. */
export function notAPhone(details: Record<string, unknown>): InvalidInputError {
  return new InvalidInputError("the phone number may contain digits, spaces, +, -, ( ) only", details, {
    reason: "input.phone",
  });
}

/** The same administrator approving twice (the second click, or two clicks racing). */
export function alreadyApproved(): NotAllowedError {
  return new NotAllowedError("you have already approved this; another administrator must approve it too", {
    reasonKey: "brake.refused.already_approved",
  });
}

/** A command past the state an action needs ("this wipe is already cancelled"), its state shown translated. */
export function commandAlready(command: Pick<Command, "type" | "state">, noun = nounOf(command)): ConflictError {
  return new ConflictError(
    `this ${noun} is already ${command.state.toLowerCase()}`,
    { state: command.state },
    { reason: "command.already_in_state", params: { stateKey: `command.state.${command.state}` } },
  );
}

/** Another administrator decided between our read and our write. */
export function decidedMeanwhile(command: Pick<Command, "type">): ConflictError {
  return new ConflictError(
    `someone else already decided on this ${nounOf(command)}`,
    {},
    { reason: "command.decided_meanwhile" },
  );
}

const nounOf = (c: Pick<Command, "type">) => (c.type === "ERASE_DEVICE" ? "wipe" : "request");

/** A loss report already found, dismissed or closed: nothing more is done on it. */
export function reportClosed(status = "closed"): ConflictError {
  return new ConflictError(`this report is already ${status.toLowerCase()}`, {}, { reason: "report_closed" });
}

/** A department administrator acting on a report none of whose devices is in their department. */
export function notReportDeviceAdmin(action: string): NotAuthorizedError {
  return new NotAuthorizedError(
    `Only a system administrator or the department administrator of the report's device can ${action}.`,
    {},
    { reason: "auth.report_device_admin" },
  );
}
