// npm run seed:demo — a small, realistic demo company on DATABASE_URL (migrations first):
// three departments with their administrators, people with Japanese names, a mixed fleet
// (supervised and BYOD iPhones, an iPad, ADE Macs, Android, Windows), two devices gone quiet,
// and renewals close to their deadlines. Running it again updates the same rows: nothing doubles.
import { ConfigError, loadConfig } from "../src/config.js";
import { SYSTEM } from "../src/core/actors.js";
import { DAY, HOUR, systemClock } from "../src/core/clock.js";
import { noEvents } from "../src/core/events.js";
import { createCore } from "../src/core/index.js";
import { openDatabase } from "../src/db/client.js";

const ACTOR = { ...SYSTEM, id: "cli:seed-demo" };

// The inventory goes in through the same import an admin uses on day one.
const INVENTORY = `Device name,Platform,Model,Serial number,UDID,IMEI,Phone number,Owner name,Owner email,Owner Slack ID,Department,Supervised,ADE
,,,,,,,山田 太郎,taro.yamada@demo.example.co.jp,,情報システム部,,
佐藤の iPhone,iOS,iPhone 15,DMQX1A2B3C01,00008110-000A1B2C3D4E5F01,356789012345601,080-1234-5601,佐藤 花子,hanako.sato@demo.example.co.jp,,営業部,yes,yes
鈴木の iPhone (BYOD),iOS,iPhone 13,DMQX1A2B3C02,00008110-000A1B2C3D4E5F02,356789012345602,080-1234-5602,鈴木 一郎,ichiro.suzuki@demo.example.co.jp,,営業部,no,no
営業共用 iPad,iPadOS,iPad (10th generation),DMPX1A2B3C03,00008110-000A1B2C3D4E5F03,,,高橋 美咲,misaki.takahashi@demo.example.co.jp,,営業部,yes,yes
田中の MacBook Pro,macOS,MacBook Pro 14,C02DM0A1B2C4,6A1B2C3D-0000-4000-8000-00000000DM04,,,田中 健太,kenta.tanaka@demo.example.co.jp,,開発部,yes,yes
伊藤の MacBook Air,macOS,MacBook Air 13,C02DM0A1B2C5,6A1B2C3D-0000-4000-8000-00000000DM05,,,伊藤 結衣,yui.ito@demo.example.co.jp,,開発部,yes,yes
渡辺の Pixel,Android,Pixel 8,DMAND0000006,,352099001761006,070-9876-5406,渡辺 翔,sho.watanabe@demo.example.co.jp,,開発部,no,no
中村の Galaxy,Android,Galaxy S23,DMAND0000007,,352099001761007,070-9876-5407,中村 さくら,sakura.nakamura@demo.example.co.jp,,総務部,no,no
総務の ThinkPad,Windows,ThinkPad X1 Carbon,PF-DM0008,,,,小林 大輔,daisuke.kobayashi@demo.example.co.jp,,総務部,no,no
`;

/** Who administers which department (the system admin is the IT department's head). */
const DEPARTMENT_ADMINS: Record<string, string> = {
  営業部: "hanako.sato@demo.example.co.jp",
  開発部: "kenta.tanaka@demo.example.co.jp",
  総務部: "daisuke.kobayashi@demo.example.co.jp",
};

/** Hours since each device last checked in; two have gone quiet past the 24 h threshold. */
const LAST_SEEN_HOURS: Record<string, number> = {
  DMQX1A2B3C01: 1, DMQX1A2B3C02: 3, DMPX1A2B3C03: 30, C02DM0A1B2C4: 2, C02DM0A1B2C5: 5,
  DMAND0000006: 1, DMAND0000007: 9 * 24, "PF-DM0008": 4,
};

try {
  const config = loadConfig();
  const db = await openDatabase(config.DATABASE_URL);
  try {
    const applied = await db.migrate();
    if (applied.length) console.log(`migrations applied: ${applied.join(", ")}`);
    const core = createCore({
      db: db.prisma,
      clock: systemClock,
      events: noEvents,
      settings: { systemAdminSlackIds: config.SLACK_ADMIN_USER_IDS, appLocale: config.APP_LOCALE, timeZone: config.APP_TIMEZONE, publicUrl: config.PUBLIC_URL ?? "" },
    });
    const now = systemClock.now();
    const summary = await core.inventory.importCsv(ACTOR, INVENTORY);
    console.log(`inventory: ${summary.devicesCreated} devices added, ${summary.devicesUpdated} updated; ${summary.peopleCreated} people added, ${summary.peopleUpdated} updated`);

    const prisma = db.prisma;
    await prisma.person.update({ where: { email: "taro.yamada@demo.example.co.jp" }, data: { isSystemAdmin: true } });
    for (const [name, email] of Object.entries(DEPARTMENT_ADMINS)) {
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
    for (const [serial, hours] of Object.entries(LAST_SEEN_HOURS)) {
      await prisma.device.update({ where: { serial }, data: { lastCheckInAt: new Date(now.getTime() - hours * HOUR), passcodePresent: true } });
    }

    // Renewals close to their deadline: the push certificate in 20 days, the ADE token in 45,
    // and the Android Enterprise Gmail last signed in 11 months ago (Google freezes it after a year).
    await upsertPushCertificate(prisma, new Date(now.getTime() + 20 * DAY), now);
    await core.renewals.recordToken(ACTOR, { kind: "ADE_TOKEN", expiresAt: new Date(now.getTime() + 45 * DAY), appleId: "abm-admin@demo.example.co.jp" });
    const elevenMonthsAgo = new Date(now);
    elevenMonthsAgo.setMonth(elevenMonthsAgo.getMonth() - 11);
    await core.renewals.recordGmail(ACTOR, { address: "android-mdm@demo.example.co.jp", lastSignInAt: elevenMonthsAgo });
    console.log("renewals: push certificate in 20 days, ADE token in 45 days, Android Enterprise Gmail signed in 11 months ago");
    console.log("demo company ready: 山田 太郎 (taro.yamada@demo.example.co.jp) is the system administrator");
  } finally {
    await db.close();
  }
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}

/** The push certificate is normally recorded by uploading Apple's .pem; the demo has none. */
async function upsertPushCertificate(prisma: import("../src/db/client.js").Db, expiresAt: Date, now: Date) {
  const address = "mdm-push@demo.example.co.jp";
  const account = await prisma.custodyAccount.upsert({
    where: { role_address: { role: "PUSH_CERT_APPLE_ID", address } },
    create: { role: "PUSH_CERT_APPLE_ID", address, isGroupAddress: true, passwordHolder: "山田 太郎", passwordLocation: "情報システム部の金庫", twoFactorHolder: "山田 太郎", lastVerifiedAt: now },
    update: {},
  });
  const current = await prisma.renewal.findFirst({ where: { kind: "PUSH_CERTIFICATE" }, orderBy: { createdAt: "asc" } });
  const data = { label: "MDM push certificate", expiresAt, accountId: account.id, topic: "com.apple.mgmt.External.demo-0000", doneAt: null };
  if (current) await prisma.renewal.update({ where: { id: current.id }, data });
  else await prisma.renewal.create({ data: { kind: "PUSH_CERTIFICATE", ...data, createdAt: now } });
}
