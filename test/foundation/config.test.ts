import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";

describe("environment", () => {
  it("starts with nothing set: embedded database, port 3000, Japanese, digest at 10:00 Tokyo", () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.DATABASE_URL).toMatchObject({ kind: "pglite" });
    expect((c.DATABASE_URL as { dir: string }).dir).toMatch(/data\/pglite$/);
    expect(c.APP_LOCALE).toBe("ja");
    expect(c.DIGEST_CRON).toBe("0 10 * * *");
    expect(c.DIGEST_TZ).toBe("Asia/Tokyo");
    expect(c.SLACK_ADMIN_USER_IDS).toEqual([]);
  });

  it.each([
    [{ DATABASE_URL: "mysql://x@y/z" }, /^DATABASE_URL: unsupported scheme "mysql"/],
    [{ DATABASE_URL: "postgres://bad host/x" }, /^DATABASE_URL: /],
    [{ PORT: "eighty" }, /^PORT: expected a whole number/],
    [{ APP_LOCALE: "fr" }, /^APP_LOCALE: /],
    [{ DIGEST_CRON: "every morning" }, /^DIGEST_CRON: expected a cron expression/],
    [{ DIGEST_TZ: "Mars/Olympus" }, /^DIGEST_TZ: unknown time zone/],
    [{ SLACK_BOT_TOKEN: "not-a-token" }, /^SLACK_BOT_TOKEN: expected a bot token/],
    [{ SLACK_API_URL: "not a url" }, /^SLACK_API_URL: expected a URL/],
    [{ IMMEDIATE_ALERTS: "maybe" }, /^IMMEDIATE_ALERTS: expected true or false/],
    [
      { TRUST_PROXY: "true" },
      /^TRUST_PROXY: expected the number of proxies in front of the app \(0–10\) or their addresses/,
    ],
    [{ TRUST_PROXY: "10.0.0.0/33" }, /^TRUST_PROXY: .*got "10.0.0.0\/33"$/],
    [{ TRUST_PROXY: "loopback, the-load-balancer" }, /^TRUST_PROXY: .*got "the-load-balancer"$/],
  ])("names the bad variable: %o", (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it("reads the database location forms the contract lists", () => {
    expect(loadConfig({ DATABASE_URL: "file:./tmp/db" }).DATABASE_URL).toMatchObject({ kind: "pglite" });
    expect(loadConfig({ DATABASE_URL: "/var/lib/lostdesk" }).DATABASE_URL).toEqual({
      kind: "pglite",
      dir: "/var/lib/lostdesk",
    });
    expect(loadConfig({ DATABASE_URL: "postgres://u@h:5432/d" }).DATABASE_URL).toEqual({
      kind: "postgres",
      url: "postgres://u@h:5432/d",
    });
    expect(loadConfig({ SLACK_ADMIN_USER_IDS: " U1, U2 ,," }).SLACK_ADMIN_USER_IDS).toEqual(["U1", "U2"]);
  });

  it("trusts X-Forwarded-For from loopback unless told which proxies to trust", () => {
    expect(loadConfig({}).TRUST_PROXY).toEqual(["loopback"]);
    expect(loadConfig({ TRUST_PROXY: "1" }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: "0" }).TRUST_PROXY).toBe(0);
    expect(loadConfig({ TRUST_PROXY: "10.0.0.0/8, fd00::/8,loopback" }).TRUST_PROXY).toEqual([
      "10.0.0.0/8",
      "fd00::/8",
      "loopback",
    ]);
  });
});
