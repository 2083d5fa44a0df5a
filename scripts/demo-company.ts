// The demo company's fleet, as the inventory CSV an admin would import on day one. Shared by
// `npm run seed:demo` and the README screenshots, so both show the same people and devices.
export const DEMO_INVENTORY_CSV = `Device name,Platform,Model,Serial number,UDID,IMEI,Phone number,Owner name,Owner email,Owner Slack ID,Department,Supervised,ADE
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

/** Who administers which department (the system admin heads the IT department). */
export const DEMO_SYSTEM_ADMIN = "taro.yamada@demo.example.co.jp";
export const DEMO_DEPARTMENT_ADMINS: Record<string, string> = {
  営業部: "hanako.sato@demo.example.co.jp",
  開発部: "kenta.tanaka@demo.example.co.jp",
  総務部: "daisuke.kobayashi@demo.example.co.jp",
};

/** Hours since each device last checked in; two have gone quiet past the 24 h threshold. */
export const DEMO_LAST_SEEN_HOURS: Record<string, number> = {
  DMQX1A2B3C01: 1,
  DMQX1A2B3C02: 3,
  DMPX1A2B3C03: 30,
  C02DM0A1B2C4: 2,
  C02DM0A1B2C5: 5,
  DMAND0000006: 1,
  DMAND0000007: 9 * 24,
  "PF-DM0008": 4,
};
