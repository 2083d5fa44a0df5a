// The built-in agent: pull-based. Nothing is pushed; the device collects its commands at its
// next check-in (POST /agent/v1/checkin), so sending just means "hold it for the device".
import type { CommandDriver, SendOutcome } from "../core/ports/index.js";

export class AgentDriver implements CommandDriver {
  readonly name = "agent";
  async send(): Promise<SendOutcome> {
    return { kind: "held" };
  }
}
