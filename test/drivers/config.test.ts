// The driver settings: optional, and a chosen driver without its service stops start-up with a
// line that says what is missing.
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

describe("MDM driver configuration", () => {
  it("starts without any driver settings: every platform on the built-in agent", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      MDM_DRIVER_APPLE: "agent",
      MDM_DRIVER_ANDROID: "agent",
      MDM_REQUEST_TIMEOUT_MS: 15_000,
      ANDROID_IMPORT_CRON: "*/30 * * * *",
    });
  });

  it("refuses a driver chosen without its service, naming the variables", () => {
    expect(() => loadConfig({ MDM_DRIVER_APPLE: "nanomdm" })).toThrow(
      new ConfigError("MDM_DRIVER_APPLE: nanomdm needs NANOMDM_URL and NANOMDM_API_KEY"),
    );
    expect(() => loadConfig({ MDM_DRIVER_ANDROID: "android" })).toThrow(/ANDROID_ENTERPRISE_ID/);
    expect(() => loadConfig({ MDM_DRIVER_APPLE: "jamf" })).toThrow(/MDM_DRIVER_APPLE/);
  });

  it("accepts a complete NanoMDM setup", () => {
    expect(
      loadConfig({ MDM_DRIVER_APPLE: "nanomdm", NANOMDM_URL: "https://mdm.example.co.jp", NANOMDM_API_KEY: "k" })
        .MDM_DRIVER_APPLE,
    ).toBe("nanomdm");
  });
});
