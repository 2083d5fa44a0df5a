import type { Catalog } from "../catalog.js";

type Key = "drivers.android.lost_message" | "drivers.android.wipe_reason";

export const drivers: Catalog<Key> = {
  en: {
    "drivers.android.lost_message":
      "This device has been reported lost. If you found it, please contact the phone number shown.",
    "drivers.android.wipe_reason":
      "This device was reported lost: your organisation's IT team is removing the work profile and company data. Your personal apps and data stay.",
  },
  ja: {
    "drivers.android.lost_message":
      "このデバイスは紛失届が出されています。拾われた方は表示の電話番号までご連絡ください。",
    "drivers.android.wipe_reason":
      "紛失届を受けて、会社のIT管理者が仕事用プロファイルと会社のデータを削除します。個人のアプリとデータは残ります。",
  },
};
