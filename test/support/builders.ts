// Test data builders: realistic defaults, override what the test is about. Overrides are typed
// from Prisma's own create inputs, so a builder cannot drift from the schema; ids come from a
// counter (deterministic, unique within the file's database).
import type { Db } from "../../src/db/client.js";
import type { Prisma } from "../../src/generated/prisma/client.js";
import { sequence } from "./sequence.js";

const next = sequence();
/** A short id, the same on every run: "0001", "0002", … */
const uid = () => next().padStart(4, "0");

/** Overrides given as undefined keep the default, as an absent one does. */
function given<T extends object>(over: T): T {
  return Object.fromEntries(Object.entries(over).filter(([, v]) => v !== undefined)) as T;
}

export async function aDepartment(db: Db, over: Partial<Prisma.DepartmentUncheckedCreateInput> = {}) {
  return db.department.create({ data: { name: `Sales ${uid()}`, ...given(over) } });
}

export async function aPerson(db: Db, over: Partial<Prisma.PersonUncheckedCreateInput> = {}) {
  const id = uid();
  return db.person.create({
    data: {
      email: `taro.${id}@example.co.jp`,
      name: `Taro Yamada ${id}`,
      slackUserId: `U${id}`,
      departmentId: null,
      locale: null,
      isSystemAdmin: false,
      ...given(over),
    },
  });
}

export async function aDevice(db: Db, over: Partial<Prisma.DeviceUncheckedCreateInput> = {}) {
  const id = uid();
  const platform = over.platform ?? "IOS";
  const apple = platform === "IOS" || platform === "IPADOS" || platform === "MACOS";
  const model = {
    ANDROID: "Pixel 8",
    WINDOWS: "ThinkPad X1",
    MACOS: "MacBook Air",
    IOS: "iPhone 15",
    IPADOS: "iPhone 15",
  };
  return db.device.create({
    data: {
      platform,
      name: `${platform === "ANDROID" ? "Pixel" : platform === "WINDOWS" ? "ThinkPad" : "iPhone"} ${id}`,
      model: model[platform],
      serial: `SN${id}`,
      udid: apple ? `00008110-${id}` : null,
      // 15 digits, as an IMEI is; 49… so they never meet the fake Android API's 35… devices.
      imei: platform === "ANDROID" || platform === "IOS" ? `49${id.padStart(13, "0")}` : null,
      supervised: true,
      ade: false,
      ownerId: null,
      state: "MANAGED",
      lastCheckInAt: new Date("2026-11-20T00:00:00Z"),
      driver: "agent",
      phoneNumber: null,
      ...given(over),
    },
  });
}

/** Who holds an account the MDM depends on (never the password itself). */
export async function aCustodyAccount(db: Db, over: Partial<Prisma.CustodyAccountUncheckedCreateInput> = {}) {
  return db.custodyAccount.create({
    data: {
      role: "ABM_APPLE_ID",
      address: `apple-admin-${uid()}@corp.example`,
      isGroupAddress: true,
      passwordHolder: "Hanako Sato (IT)",
      passwordLocation: "1Password: IT vault",
      twoFactorHolder: "IT shared iPhone",
      ...given(over),
    },
  });
}

/** A renewal deadline (push certificate, ADE/VPP token, Android Enterprise Gmail). */
export async function aRenewal(db: Db, over: Partial<Prisma.RenewalUncheckedCreateInput> = {}) {
  return db.renewal.create({
    data: {
      kind: "ADE_TOKEN",
      label: "ADE server token",
      expiresAt: new Date("2027-01-30T00:00:00Z"),
      accountId: null,
      ...given(over),
    },
  });
}
