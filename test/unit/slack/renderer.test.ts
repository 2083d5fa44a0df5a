// The renderer's coalescing as a pure rule: of several redraws of one incident message or one
// Home tab in a pass, only the last is sent; thread posts and other messages all stay, in order.
import { describe, expect, it } from "vitest";
import { latestRedraws } from "../../../src/slack/renderer.js";

const update = (text: string) => ({
  method: "chat.update",
  payload: { channel: "$ref:report:1:channel", ts: "$ref:report:1", text },
});
const post = (text: string) => ({ method: "chat.postMessage", payload: { channel: "$ref:report:1:channel", text } });
const home = (user: string, text: string) => ({ method: "views.publish", payload: { user_id: user, view: { text } } });

describe("latestRedraws", () => {
  it("keeps the last redraw of each message and Home, and every post", () => {
    const items = [
      post("incident"),
      update("v1"),
      post("queued"),
      update("v2"),
      home("U1", "h1"),
      home("U2", "h1"),
      home("U1", "h2"),
    ];
    expect(latestRedraws(items)).toEqual([
      post("incident"),
      post("queued"),
      update("v2"),
      home("U2", "h1"),
      home("U1", "h2"),
    ]);
  });

  it("leaves a pass with nothing to coalesce as it was", () => {
    const items = [post("a"), update("v1"), home("U1", "h")];
    expect(latestRedraws(items)).toEqual(items);
  });
});
