// A long-running Operation from issueCommand → the command's result in Apple's vocabulary.
// Google's guidance for reading a command's outcome: the command-specific status first
// (startLostModeStatus, stopLostModeStatus), then Command.errorCode, then Operation.error.
import type { androidmanagement_v1 } from "googleapis/build/src/apis/androidmanagement/index.js";
import type { CommandResult } from "../../core/ports/index.js";

type Operation = androidmanagement_v1.Schema$Operation;

/** Lost-mode statuses that mean the device is where we wanted it. */
const START_OK = new Set(["SUCCESS", "ALREADY_IN_LOST_MODE"]);
const STOP_OK = new Set(["SUCCESS", "NOT_IN_LOST_MODE"]);

const START_REASON: Record<string, string> = {
  RESET_PASSWORD_RECENTLY:
    "the device password was reset recently, so Android refused lost mode (RESET_PASSWORD_RECENTLY)",
  USER_EXIT_LOST_MODE_RECENTLY:
    "the user left lost mode on the device recently, so Android refused it again (USER_EXIT_LOST_MODE_RECENTLY)",
};

/** null while the operation is still running (the device has not connected yet). */
export function operationResult(op: Operation): CommandResult | null {
  if (!op.done) return null;
  const cmd = (op.metadata ?? {}) as androidmanagement_v1.Schema$Command;
  const start = cmd.startLostModeStatus?.status;
  if (start && start !== "STATUS_UNSPECIFIED") {
    return START_OK.has(start)
      ? { status: "Acknowledged", result: { androidStatus: start } }
      : { status: "Error", error: START_REASON[start] ?? `START_LOST_MODE: ${start}` };
  }
  const stop = cmd.stopLostModeStatus?.status;
  if (stop && stop !== "STATUS_UNSPECIFIED") {
    return STOP_OK.has(stop)
      ? { status: "Acknowledged", result: { androidStatus: stop } }
      : { status: "Error", error: `STOP_LOST_MODE: ${stop}` };
  }
  if (cmd.errorCode && cmd.errorCode !== "COMMAND_ERROR_CODE_UNSPECIFIED") {
    return { status: "Error", error: [op.error?.message, `(${cmd.errorCode})`].filter(Boolean).join(" ") };
  }
  if (op.error)
    return { status: "Error", error: op.error.message || `operation failed (code ${op.error.code ?? "?"})` };
  return { status: "Acknowledged", result: {} };
}
