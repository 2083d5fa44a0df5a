// Reading what the app showed in Slack: a message's blocks and buttons, and the Home tab a person
// sees when they open it.
import type { TestApp } from "./harness.js";
import { until } from "./until.js";

/** A message's blocks, whether Slack was sent them as a JSON string (form-encoded) or as JSON. */
export const blocksOf = (m: Record<string, any>): any[] =>
  typeof m.blocks === "string" ? JSON.parse(m.blocks) : (m.blocks ?? []);

export const buttonsIn = (m: Record<string, any>): any[] => blocksOf(m).flatMap((b) => b.elements ?? []);

export const buttonValue = (m: Record<string, any>, actionId: string) =>
  buttonsIn(m).find((e: any) => e.action_id === actionId)?.value as string;

/** Opens `user`'s Home tab as Slack does (app_home_opened) and returns the view the app published. */
export async function openHome(t: TestApp, user: string): Promise<{ type: string; blocks: any[] }> {
  const before = t.slack.callsTo("views.publish").length;
  const res = await t.requests.event({ type: "app_home_opened", user, tab: "home", channel: "D1" });
  if (res.status !== 200) throw new Error(`app_home_opened answered ${res.status}`);
  const call = await until(
    () =>
      t.slack
        .callsTo("views.publish")
        .slice(before)
        .find((c) => c.args.user_id === user),
    `${user}'s Home`,
  );
  return call.args.view as { type: string; blocks: any[] };
}
