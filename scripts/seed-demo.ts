// npm run seed:demo — a small, realistic demo company on DATABASE_URL (migrations first):
// three departments with their administrators, people with Japanese names, a mixed fleet
// (supervised and BYOD iPhones, an iPad, ADE Macs, Android, Windows), two devices gone quiet,
// and renewals close to their deadlines. Running it again updates the same rows: nothing doubles.
import { ConfigError } from "../src/config.js";
import { SYSTEM } from "../src/core/actors.js";
import { DAY, HOUR, systemClock } from "../src/core/clock.js";
import type { Db } from "../src/db/client.js";
import type { Core } from "../src/core/index.js";
import { pathToFileURL } from "node:url";
import { withCliCore } from "./cli-core.js";
import { DEMO_DEPARTMENT_ADMINS, DEMO_INVENTORY_CSV, DEMO_LAST_SEEN_HOURS, DEMO_SYSTEM_ADMIN } from "./demo-company.js";

const ACTOR = { ...SYSTEM, id: "cli:seed-demo" };

/** Loads the demo company through the core (and the push certificate row the demo has no .pem for). */
export async function seedDemoCompany(
  core: Core,
  prisma: Db,
  now: Date,
  say: (line: string) => void = () => {},
): Promise<void> {
  const summary = await core.inventory.importCsv(ACTOR, DEMO_INVENTORY_CSV);
  say(
    `inventory: ${summary.devicesCreated} devices added, ${summary.devicesUpdated} updated; ${summary.peopleCreated} people added, ${summary.peopleUpdated} updated`,
  );

  await prisma.person.update({ where: { email: DEMO_SYSTEM_ADMIN }, data: { isSystemAdmin: true } });
  for (const [name, email] of Object.entries(DEMO_DEPARTMENT_ADMINS)) {
    const [dept, person] = await Promise.all([
      prisma.department.findUniqueOrThrow({ where: { name } }),
      prisma.person.findUniqueOrThrow({ where: { email } }),
    ]);
    await prisma.departmentAdmin.upsert({
      where: { departmentId_personId: { departmentId: dept.id, personId: person.id } },
      create: { departmentId: dept.id, personId: person.id, createdAt: now },
      update: {},
    });
  }
  for (const [serial, hours] of Object.entries(DEMO_LAST_SEEN_HOURS)) {
    await prisma.device.update({
      where: { serial },
      data: { lastCheckInAt: new Date(now.getTime() - hours * HOUR), passcodePresent: true },
    });
  }

  // Renewals close to their deadline: the push certificate in 20 days, the ADE token in 45,
  // and the Android Enterprise Gmail last signed in 11 months ago (Google freezes it after a year).
  await upsertPushCertificate(prisma, new Date(now.getTime() + 20 * DAY), now);
  await core.renewals.recordToken(ACTOR, {
    kind: "ADE_TOKEN",
    expiresAt: new Date(now.getTime() + 45 * DAY),
    appleId: "abm-admin@demo.example.co.jp",
  });
  const elevenMonthsAgo = new Date(now);
  elevenMonthsAgo.setMonth(elevenMonthsAgo.getMonth() - 11);
  await core.renewals.recordGmail(ACTOR, { address: "android-mdm@demo.example.co.jp", lastSignInAt: elevenMonthsAgo });
  say("renewals: push certificate in 20 days, ADE token in 45 days, Android Enterprise Gmail signed in 11 months ago");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  try {
    await withCliCore(async ({ core, db, migrated }) => {
      if (migrated.length) console.log(`migrations applied: ${migrated.join(", ")}`);
      await seedDemoCompany(core, db.prisma, systemClock.now(), console.log);
      console.log("demo company ready: 山田 太郎 (taro.yamada@demo.example.co.jp) is the system administrator");
    });
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}

/** The push certificate is normally recorded by uploading Apple's .pem; the demo has none. */
async function upsertPushCertificate(prisma: Db, expiresAt: Date, now: Date) {
  const address = "mdm-push@demo.example.co.jp";
  const account = await prisma.custodyAccount.upsert({
    where: { role_address: { role: "PUSH_CERT_APPLE_ID", address } },
    create: {
      role: "PUSH_CERT_APPLE_ID",
      address,
      isGroupAddress: true,
      passwordHolder: "山田 太郎",
      passwordLocation: "情報システム部の金庫",
      twoFactorHolder: "山田 太郎",
      lastVerifiedAt: now,
    },
    update: {},
  });
  const current = await prisma.renewal.findFirst({
    where: { kind: "PUSH_CERTIFICATE" },
    orderBy: { createdAt: "asc" },
  });
  const data = {
    label: "MDM push certificate",
    expiresAt,
    accountId: account.id,
    topic: "com.apple.mgmt.External.demo-0000",
  };
  if (current) await prisma.renewal.update({ where: { id: current.id }, data });
  else await prisma.renewal.create({ data: { kind: "PUSH_CERTIFICATE", ...data, createdAt: now } });
}
