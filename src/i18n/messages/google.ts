// Google-side happenings shown to admins: a reporter's edit of their Google Form response, and
// what an Android device did by itself (lost mode left on the phone, a location while lost).
import type { Catalog } from "../catalog.js";

type Key =
  | "report.edited.title"
  | "report.edited.empty"
  | "report.edited.yes"
  | "report.edited.no"
  | "report.edited.field.reporterName"
  | "report.edited.field.deviceDescription"
  | "report.edited.field.lostAt"
  | "report.edited.field.location"
  | "report.edited.field.circumstances"
  | "report.edited.field.contactPhone"
  | "report.edited.field.consentLostMode";

export const google: Catalog<Key> = {
  en: {
    "report.edited.title": ":pencil2: The reporter edited the form. The report now shows the new answers:",
    "report.edited.empty": "(blank)",
    "report.edited.yes": "yes",
    "report.edited.no": "no",
    "report.edited.field.reporterName": "Name",
    "report.edited.field.deviceDescription": "Device",
    "report.edited.field.lostAt": "When",
    "report.edited.field.location": "Where",
    "report.edited.field.circumstances": "What happened",
    "report.edited.field.contactPhone": "Contact phone",
    "report.edited.field.consentLostMode": "Consent to lost mode",
  },
  ja: {
    "report.edited.title": ":pencil2: 報告者がフォームの回答を編集しました。報告は新しい回答で更新されています:",
    "report.edited.empty": "（空欄）",
    "report.edited.yes": "同意する",
    "report.edited.no": "同意しない",
    "report.edited.field.reporterName": "氏名",
    "report.edited.field.deviceDescription": "デバイス",
    "report.edited.field.lostAt": "日時",
    "report.edited.field.location": "場所",
    "report.edited.field.circumstances": "状況",
    "report.edited.field.contactPhone": "連絡先電話番号",
    "report.edited.field.consentLostMode": "紛失モードへの同意",
  },
};
