// Runs the real Apps Script (forms/google-apps-script/Code.gs) in a sandbox with stand-ins for
// the Apps Script services, then sends exactly the request it built to the app: the script's
// signing and payload must be what the webhook accepts.
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import vm from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FORM_SECRET, startTestApp, type TestApp } from "../support/harness.js";

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

interface Captured {
  url: string;
  options: { payload: string; headers: Record<string, string>; contentType: string };
}

function runScript(props: Record<string, string>, answers: [string, string | string[]][], answerWith = 202) {
  const requests: Captured[] = [];
  const toSigned = (buf: Buffer) => [...buf].map((b) => (b > 127 ? b - 256 : b));
  const sandbox = {
    Date: class extends Date {
      static override now() {
        return t.clock.now().getTime();
      }
    },
    JSON,
    Math,
    String,
    Array,
    Error,
    PropertiesService: { getScriptProperties: () => ({ getProperty: (k: string) => props[k] ?? null }) },
    Utilities: {
      Charset: { UTF_8: "UTF-8" },
      computeHmacSha256Signature: (value: string, key: string) =>
        toSigned(createHmac("sha256", key).update(value, "utf8").digest()),
      sleep: () => {},
    },
    UrlFetchApp: {
      fetch: (url: string, options: Captured["options"]) => {
        requests.push({ url, options });
        return { getResponseCode: () => answerWith, getContentText: () => "" };
      },
    },
  };
  vm.runInNewContext(readFileSync("forms/google-apps-script/Code.gs", "utf8"), sandbox);
  const event = {
    source: { getId: () => "form-abc" },
    response: {
      getId: () => "2_ABaOnud-script-1",
      getRespondentEmail: () => "yuki.tanaka@example.co.jp",
      getTimestamp: () => new Date("2026-11-20T00:58:00Z"),
      getItemResponses: () =>
        answers.map(([title, value]) => ({ getItem: () => ({ getTitle: () => title }), getResponse: () => value })),
    },
  };
  let error: Error | null = null;
  try {
    (sandbox as any).onFormSubmit(event);
  } catch (e) {
    error = e as Error;
  }
  return { requests, error };
}

describe("the Apps Script", () => {
  it("signs and sends each response the way the webhook accepts it", async () => {
    const { requests, error } = runScript(
      { WEBHOOK_URL: `${t.url}/webhooks/google-form`, WEBHOOK_SECRET: FORM_SECRET },
      [
        ["お名前", "田中 由紀"],
        ["紛失したデバイス", "iPad Air"],
        ["紛失した場所", "大阪の顧客先"],
        ["状況", "置き忘れ"],
        ["今つながる電話番号", "070-1234-5678"],
        ["紛失モードへの同意", ["はい"]],
      ],
    );
    expect(error).toBeNull();
    expect(requests).toHaveLength(1);
    const { url, options } = requests[0]!;
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": options.contentType, ...options.headers },
      body: options.payload,
    });
    expect(res.status).toBe(202);
    const { reference } = (await res.json()) as { reference: string };
    const report = await t.db.prisma.lossReport.findUniqueOrThrow({ where: { reference } });
    expect(report).toMatchObject({
      channel: "GOOGLE_FORM",
      externalId: "2_ABaOnud-script-1",
      reporterEmail: "yuki.tanaka@example.co.jp",
      reporterName: "田中 由紀",
      deviceDescription: "iPad Air",
      location: "大阪の顧客先",
      circumstances: "LEFT_BEHIND",
      consentLostMode: true,
      locale: "ja",
    });
  });

  it('sends a grid row left blank as blank, not as the word "null"', async () => {
    const { requests } = runScript({ WEBHOOK_URL: `${t.url}/webhooks/google-form`, WEBHOOK_SECRET: FORM_SECRET }, [
      ["紛失したデバイス", "Galaxy S24"],
      ["端末の状態", [["画面割れ"], null, ["ケースあり", "ストラップ"]] as unknown as string[]],
      ["補足", null as unknown as string],
    ]);
    const payload = JSON.parse(requests[0]!.options.payload) as { answers: Record<string, unknown> };
    expect(payload.answers["端末の状態"]).toEqual(["画面割れ", "", "ケースあり, ストラップ"]);
    expect(payload.answers["補足"]).toBe("");
    expect(requests[0]!.options.payload).not.toContain("null");
  });

  it("fails loudly (the trigger's failure e-mail) when not configured or refused", () => {
    expect(runScript({}, []).error?.message).toMatch(/WEBHOOK_URL and WEBHOOK_SECRET/);
    const refused = runScript({ WEBHOOK_URL: "http://x", WEBHOOK_SECRET: "s" }, [], 401);
    expect(refused.requests).toHaveLength(1); // a 4xx is not retried
    expect(refused.error?.message).toMatch(/did not accept/);
  });
});
