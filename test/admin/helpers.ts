// Slack listeners answer after their ack (Slack's 3-second rule), so a test waits for the answer
// to arrive at the fake Slack rather than for a fixed time.
import type { FakeSlack } from "../support/fake-slack.js";

export async function eventually<T>(
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  what = "the expected Slack call",
): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The body posted to the response_url with this id (respond()), once it arrives. */
export function responseTo(slack: FakeSlack, id: string) {
  return eventually(() => slack.responses.find((r) => r.id === id)?.body, `a response to ${id}`);
}

let seq = 0;
export const nextId = (prefix: string) => `${prefix}-${++seq}`;
