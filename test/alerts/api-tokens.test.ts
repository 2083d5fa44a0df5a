// Named alerts-API tokens: issued from the command line on the server, shown once, stored as a
// hash, naming their sender in the audit log, and refused the moment they are revoked.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.js";
import { hashToken } from "../../src/core/tokens.js";
import { aDevice } from "../support/builders.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { sendAlerts } from "./support.js";
import { runCli } from "../support/cli.js";

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

describe("a named alerts-API token", () => {
  it("raises alerts as its sender next to ALERTS_API_TOKEN, and is refused once revoked", async () => {
    const device = await aDevice(t.db.prisma, { platform: "IOS" });
    const token = await t.app.core.apiTokens.issue("cli:api-token", "jamf-alerts");
    const res = await sendAlerts(t, [{ type: "jailbreak", device: { udid: device.udid } }], token);
    expect(res.status).toBe(200);
    expect(res.json.accepted).toBe(1);
    const entry = await t.db.prisma.auditEntry.findFirstOrThrow({
      where: { action: { startsWith: "alert" } },
      orderBy: { at: "desc" },
    });
    expect(entry.actor).toBe("api:jamf-alerts");
    expect((await t.app.core.apiTokens.list()).find((x) => x.name === "jamf-alerts")?.lastUsedAt).toEqual(
      t.clock.now(),
    );
    // The environment's token still works beside it.
    expect((await sendAlerts(t, [{ type: "root", device: { udid: device.udid } }])).status).toBe(200);

    await t.app.core.apiTokens.revoke("cli:api-token", "jamf-alerts");
    const after = await sendAlerts(t, [{ type: "virus", device: { udid: device.udid } }], token);
    expect(after.status).toBe(401);
    expect(await t.db.prisma.alert.count({ where: { deviceId: device.id, type: "virus" } })).toBe(0);
  });

  it("keeps only a hash, refuses a second token of the same name and a name that is not one", async () => {
    const token = await t.app.core.apiTokens.issue("cli:api-token", "fleet.prod");
    const row = await t.db.prisma.apiToken.findUniqueOrThrow({ where: { name: "fleet.prod" } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    await expect(t.app.core.apiTokens.issue("cli:api-token", "fleet.prod")).rejects.toThrow(/exists: revoke it first/);
    await expect(t.app.core.apiTokens.issue("cli:api-token", "<script>")).rejects.toThrow(/not a token name/);
    await expect(t.app.core.apiTokens.revoke("cli:api-token", "never-issued")).rejects.toThrow(
      /no token named "never-issued"/,
    );
  });

  it("answers 503 with what to do when the server has no token of any kind", async () => {
    const bare = await startTestApp({ env: { ALERTS_API_TOKEN: "" } });
    try {
      const res = await sendAlerts(bare, [{ type: "root", device: { id: "x" } }], "anything");
      expect(res.status).toBe(503);
      expect(res.json.reason).toContain("npm run api-token -- create <name>");
      const token = await bare.app.core.apiTokens.issue("cli:api-token", "only-sender");
      expect((await sendAlerts(bare, [{ type: "root", device: { id: "x" } }], "wrong")).status).toBe(401);
      expect((await sendAlerts(bare, [{ type: "root", device: { id: "x" } }], token)).status).toBe(200);
    } finally {
      await bare.close();
    }
  });
});

describe("npm run api-token", () => {
  it("creates, lists and revokes tokens on the server's database, printing the token once", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "api-token-cli-"));
    try {
      const env = { ...process.env, DATABASE_URL: path.join(dir, "db"), LOG_LEVEL: "error" };
      const run = (...args: string[]) => runCli("scripts/api-token.ts", args, env);

      const created = await run("create", "jamf-alerts");
      expect(created.code).toBe(0);
      const token = /\n([A-Za-z0-9_-]{43})\n/.exec(created.out)?.[1];
      expect(token).toBeDefined();
      const again = await run("create", "jamf-alerts");
      expect(again).toMatchObject({ code: 1, err: expect.stringContaining('a token named "jamf-alerts" exists') });
      expect((await run("list")).out).toMatch(/^jamf-alerts\tissued \S+\tlast used never$/m);
      expect(await run("revoke", "jamf-alerts")).toMatchObject({ code: 0 });

      const db = await openDatabase({ kind: "pglite", dir: path.join(dir, "db") });
      try {
        expect(await db.prisma.apiToken.count()).toBe(0); // revoked: gone, and the token was never stored
        const actions = (await db.prisma.auditEntry.findMany({ orderBy: { at: "asc" } })).map(
          (e) => `${e.actor} ${e.action}`,
        );
        expect(actions).toEqual(["cli:api-token api_token.issue", "cli:api-token api_token.revoke"]);
      } finally {
        await db.close();
      }
      expect((await run("rotate")).code).toBe(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
