// /mdm company and the company's contact details wherever they show.
import type { Catalog } from "../catalog.js";

type Key =
  | "mdm.help.company"
  | "company.settings"
  | "company.none"
  | "company.default"
  | "company.saved"
  | "company.usage"
  | "portal.help_desk"
  | "company.error.organisation"
  | "company.error.message";

export const company: Catalog<Key> = {
  en: {
    "mdm.help.company":
      "company [phone <number> | name <organisation> | message ja|en <text>|default] — the help-desk number and lock-screen message (system administrators)",
    "company.settings":
      "*Company contact*\n• Help-desk phone (lock screen, portal pages): {phone}\n• Organisation: {organisation}\n• Lock-screen message (ja): {ja}\n• Lock-screen message (en): {en}",
    "company.none": "not set",
    "company.default": "(default)",
    "company.saved": ":white_check_mark: Saved.",
    "company.usage":
      "Usage: `/mdm company phone 03-1234-5678`, `/mdm company name Example Corp.`, `/mdm company message ja <text>` (or `default`); `-` clears a value.",
    "portal.help_desk": "IT help desk:",
    "company.error.organisation": "the organisation name is longer than 100 characters",
    "company.error.message": "the lock-screen message is longer than 200 characters",
  },
  ja: {
    "mdm.help.company":
      "company [phone <番号> | name <組織名> | message ja|en <文面>|default] — ヘルプデスクの電話番号とロック画面の文面(システム管理者)",
    "company.settings":
      "*会社の連絡先*\n• ヘルプデスクの電話番号(ロック画面・ポータル): {phone}\n• 組織名: {organisation}\n• ロック画面の文面(日本語): {ja}\n• ロック画面の文面(英語): {en}",
    "company.none": "未設定",
    "company.default": "(既定)",
    "company.saved": ":white_check_mark: 保存しました。",
    "company.usage":
      "使い方: `/mdm company phone 03-1234-5678`、`/mdm company name 株式会社サンプル`、`/mdm company message ja <文面>`(既定に戻すときは `default`)。`-` で値を消せます。",
    "portal.help_desk": "IT ヘルプデスク:",
    "company.error.organisation": "組織名が100文字を超えています",
    "company.error.message": "ロック画面の文面が200文字を超えています",
  },
};
