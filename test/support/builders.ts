// Test data builders: realistic defaults, override what the test is about.
import { randomBytes } from "node:crypto";
import type { Db } from "../../src/db/client.js";
import type { Platform } from "../../src/generated/prisma/client.js";

const uid = () => randomBytes(4).toString("hex");

export async function aDepartment(db: Db, over: { name?: string } = {}) {
  return db.department.create({ data: { name: over.name ?? `Sales ${uid()}` } });
}

export async function aPerson(
  db: Db,
  over: Partial<{
    email: string;
    name: string;
    slackUserId: string | null;
    departmentId: string | null;
    locale: string;
    isSystemAdmin: boolean;
  }> = {},
) {
  const id = uid();
  return db.person.create({
    data: {
      email: over.email ?? `taro.${id}@example.co.jp`,
      name: over.name ?? `Taro Yamada ${id}`,
      slackUserId: over.slackUserId === undefined ? `U${id.toUpperCase()}` : over.slackUserId,
      departmentId: over.departmentId ?? null,
      locale: over.locale ?? null,
      isSystemAdmin: over.isSystemAdmin ?? false,
    },
  });
}

export async function aDevice(
  db: Db,
  over: Partial<{
    platform: Platform;
    name: string;
    model: string;
    serial: string;
    udid: string | null;
    imei: string | null;
    supervised: boolean;
    ade: boolean;
    ownerId: string | null;
    state: "MANAGED" | "LOST_MODE" | "WIPED" | "UNENROLLED" | "AWAITING_REENROLLMENT";
    lastCheckInAt: Date | null;
    driver: string;
    phoneNumber: string;
  }> = {},
) {
  const id = uid();
  const platform = over.platform ?? "IOS";
  const apple = platform === "IOS" || platform === "IPADOS" || platform === "MACOS";
  return db.device.create({
    data: {
      platform,
      name: over.name ?? `${platform === "ANDROID" ? "Pixel" : platform === "WINDOWS" ? "ThinkPad" : "iPhone"} ${id}`,
      model:
        over.model ??
        (platform === "ANDROID"
          ? "Pixel 8"
          : platform === "WINDOWS"
            ? "ThinkPad X1"
            : platform === "MACOS"
              ? "MacBook Air"
              : "iPhone 15"),
      serial: over.serial ?? `SN${id.toUpperCase()}`,
      udid: over.udid === undefined ? (apple ? `00008110-${id.toUpperCase()}` : null) : over.udid,
      imei:
        over.imei === undefined
          ? platform === "ANDROID" || platform === "IOS"
            ? `35${Date.now() % 1e9}${Math.floor(Math.random() * 1e4)}`.slice(0, 15)
            : null
          : over.imei,
      supervised: over.supervised ?? true,
      ade: over.ade ?? false,
      ownerId: over.ownerId ?? null,
      state: over.state ?? "MANAGED",
      lastCheckInAt: over.lastCheckInAt === undefined ? new Date("2026-11-20T00:00:00Z") : over.lastCheckInAt,
      driver: over.driver ?? "agent",
      phoneNumber: over.phoneNumber ?? null,
    },
  });
}

/** Who holds an account the MDM depends on (never the password itself). */
export async function aCustodyAccount(
  db: Db,
  over: Partial<{
    role: "PANEL_CONTACT" | "PANEL_SYSTEM_ADMIN" | "PUSH_CERT_APPLE_ID" | "ABM_APPLE_ID" | "ANDROID_ENTERPRISE_GMAIL";
    address: string;
    isGroupAddress: boolean;
    passwordHolder: string | null;
    passwordLocation: string | null;
    twoFactorHolder: string | null;
  }> = {},
) {
  return db.custodyAccount.create({
    data: {
      role: over.role ?? "ABM_APPLE_ID",
      address: over.address ?? `apple-admin-${uid()}@corp.example`,
      isGroupAddress: over.isGroupAddress ?? true,
      passwordHolder: over.passwordHolder === undefined ? "Hanako Sato (IT)" : over.passwordHolder,
      passwordLocation: over.passwordLocation === undefined ? "1Password: IT vault" : over.passwordLocation,
      twoFactorHolder: over.twoFactorHolder === undefined ? "IT shared iPhone" : over.twoFactorHolder,
    },
  });
}

/** A renewal deadline (push certificate, ADE/VPP token, Android Enterprise Gmail). */
export async function aRenewal(
  db: Db,
  over: Partial<{
    kind: "PUSH_CERTIFICATE" | "ADE_TOKEN" | "VPP_TOKEN" | "ANDROID_ENTERPRISE_GMAIL";
    label: string;
    expiresAt: Date;
    accountId: string | null;
  }> = {},
) {
  return db.renewal.create({
    data: {
      kind: over.kind ?? "ADE_TOKEN",
      label: over.label ?? "ADE server token",
      expiresAt: over.expiresAt ?? new Date("2027-01-30T00:00:00Z"),
      accountId: over.accountId ?? null,
    },
  });
}
