// The built-in agent: pull-based. Nothing is pushed; the device collects its commands at its
// next check-in (POST /agent/v1/checkin), so sending just means "hold it for the device".
import type { CommandDriver, OutgoingCommand, SendOutcome } from "../core/ports/index.js";

export class AgentDriver implements CommandDriver {
  readonly name = "agent";
  async send(cmd: OutgoingCommand): Promise<SendOutcome> {
    // Clearing Activation Lock is a call to Apple through the MDM service, never a device's job.
    if (cmd.type === "CLEAR_ACTIVATION_LOCK")
      return { kind: "failed", reason: "the built-in agent cannot clear Activation Lock; only NanoMDM can" };
    return { kind: "held" };
  }
}
