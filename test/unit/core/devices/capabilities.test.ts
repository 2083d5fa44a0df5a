// What each loss-response action can do for one device, as a pure rule: the incident message hides
// a button and says why from this, and the core refuses a crafted request with the same answer.
import { describe, expect, it } from "vitest";
import { capabilities, capability, type DeviceFacts } from "../../../../src/core/devices/capabilities.js";

/** A supervised, company-owned iPhone under management: every action open; each test changes one fact. */
const iphone: DeviceFacts = { platform: "IOS", supervised: true, ade: false, state: "MANAGED" };
const device = (facts: Partial<DeviceFacts>): DeviceFacts => ({ ...iphone, ...facts });

describe("lost mode", () => {
  // 「デバイスの紛失時の対応」: 「iOS デバイスの場合、紛失モードに設定するにはデバイスが監視対象モードであることが必須条件」
  it("needs a supervised iPhone or iPad, and says so on an unsupervised one", () => {
    expect(capability(device({}), "lost_mode")).toEqual({
      allowed: true,
      warningKey: "capability.lost_mode.never_expires",
    });
    expect(capability(device({ platform: "IPADOS" }), "lost_mode").allowed).toBe(true);
    expect(capability(device({ supervised: false }), "lost_mode")).toEqual({
      allowed: false,
      reasonKey: "capability.lost_mode.unsupervised",
    });
  });

  it("does not exist on a Mac or on Windows, nor on a user-enrolled (BYOD) iPhone", () => {
    expect(capability(device({ platform: "MACOS" }), "lost_mode").reasonKey).toBe("capability.lost_mode.macos");
    expect(capability(device({ platform: "WINDOWS" }), "lost_mode").reasonKey).toBe("capability.lost_mode.windows");
    expect(capability(device({ userEnrollment: true }), "lost_mode").reasonKey).toBe(
      "capability.lost_mode.user_enrollment",
    );
  });

  it("on Android, only on company-owned devices: fully managed from Android 11, a work profile from Android 13", () => {
    const android = (f: Partial<DeviceFacts>) => device({ platform: "ANDROID", supervised: false, ...f });
    expect(capability(android({ ownership: "personal" }), "lost_mode").reasonKey).toBe(
      "capability.lost_mode.android_personal",
    );
    expect(capability(android({ managementMode: "DEVICE_OWNER", apiLevel: 29 }), "lost_mode").reasonKey).toBe(
      "capability.lost_mode.android_11",
    );
    expect(capability(android({ managementMode: "DEVICE_OWNER", apiLevel: 30 }), "lost_mode").allowed).toBe(true);
    expect(capability(android({ managementMode: "PROFILE_OWNER", apiLevel: 32 }), "lost_mode").reasonKey).toBe(
      "capability.lost_mode.android_13",
    );
    expect(capability(android({ managementMode: "PROFILE_OWNER", apiLevel: 33 }), "lost_mode").allowed).toBe(true);
    // What the device never told us is left to Google to judge.
    expect(capability(android({}), "lost_mode").allowed).toBe(true);
  });

  it("is not offered twice, and nothing is offered for a device that left management", () => {
    expect(capability(device({ state: "LOST_MODE" }), "lost_mode").reasonKey).toBe("capability.lost_mode.already");
    for (const [state, reasonKey] of [
      ["WIPED", "capability.wiped"],
      ["UNENROLLED", "capability.unenrolled"],
      ["AWAITING_REENROLLMENT", "capability.awaiting_reenrollment"],
    ] as const) {
      const all = capabilities(device({ state }));
      for (const action of ["lost_mode", "wipe", "lock", "locate", "sound"] as const)
        expect(all[action], `${action} on ${state}`).toEqual({ allowed: false, reasonKey });
    }
  });

  it("lets location and sound follow only once lost mode is on, and never on Android (it reports by itself)", () => {
    expect(capability(device({}), "locate").reasonKey).toBe("commands.refused.needs_lost_mode");
    expect(capability(device({ state: "LOST_MODE" }), "locate").allowed).toBe(true);
    expect(capability(device({ state: "LOST_MODE" }), "sound").allowed).toBe(true);
    expect(capability(device({ platform: "ANDROID", state: "LOST_MODE" }), "locate").reasonKey).toBe(
      "capability.android.location_automatic",
    );
  });
});

describe("wipe", () => {
  // 「デバイスを初期化」: 「初期化後は該当デバイスが MDM 管理下から外れる」; 「ADE デバイスの場合は…MDM 管理下から外すことはできません」
  it("warns that a company device leaves management, except an ADE device, which re-enrolls", () => {
    expect(capability(device({}), "wipe")).toEqual({
      allowed: true,
      warningKey: "capability.wipe.leaves_management",
    });
    expect(capability(device({ ade: true }), "wipe").warningKey).toBe("capability.wipe.ade_stays_managed");
  });

  it("removes only the company's part of a personal device, and says which part on the button", () => {
    expect(capability(device({ platform: "ANDROID", ownership: "personal" }), "wipe")).toMatchObject({
      allowed: true,
      warningKey: "capability.wipe.android_work_profile",
      labelKey: "capability.wipe.android_work_profile_button",
    });
    expect(capability(device({ userEnrollment: true }), "wipe")).toMatchObject({
      allowed: true,
      warningKey: "capability.wipe.apple_mdm_profile",
    });
    expect(capability(device({ platform: "WINDOWS", byod: true }), "wipe").warningKey).toBe(
      "capability.wipe.agent_profile",
    );
  });

  it("offers a full reset of a personal device only where the platform can, and only with consent", () => {
    expect(capability(device({}), "full_reset").reasonKey).toBe("capability.full_reset.company");
    expect(capability(device({ byod: true }), "full_reset").warningKey).toBe("capability.full_reset.needs_consent");
    expect(capability(device({ userEnrollment: true }), "full_reset").reasonKey).toBe(
      "capability.full_reset.impossible",
    );
    expect(capability(device({ platform: "ANDROID", ownership: "personal" }), "full_reset").reasonKey).toBe(
      "capability.full_reset.impossible",
    );
  });
});

describe("lock", () => {
  // 「デバイスをロック」: only sleep; protects nothing unless a passcode was set beforehand (iOS cannot set its string remotely).
  it("is refused when the device says it has no passcode, and warns when nobody knows", () => {
    expect(capability(device({ passcodePresent: false }), "lock").reasonKey).toBe("capability.lock.no_passcode");
    expect(capability(device({ passcodePresent: true }), "lock").warningKey).toBe("capability.lock.passcode_set");
    expect(capability(device({}), "lock").warningKey).toBe("capability.lock.passcode_unknown");
  });

  it("tells a Mac and an Android phone about their own lock, and refuses a user-enrolled Mac", () => {
    expect(capability(device({ platform: "MACOS" }), "lock").warningKey).toBe("capability.lock.macos");
    expect(capability(device({ platform: "ANDROID" }), "lock").warningKey).toBe("capability.lock.android");
    expect(capability(device({ platform: "MACOS", userEnrollment: true }), "lock").reasonKey).toBe(
      "capability.lock.mac_user_enrollment",
    );
  });
});
