// A Google Form response → a loss report. Questions are matched by their title (normalised:
// case, width, trailing "?" / "*" / ":" ignored), from a built-in list in Japanese and English
// plus GOOGLE_FORM_FIELD_MAP. Lenient on purpose: a response already submitted cannot be
// corrected, so a missing or odd answer is kept as typed, never a reason to drop the report.
import { parseLostAt, REPORT_FORM_FIELDS, type ReportFormField } from "../core/reports/input.js";
import type { NewReport } from "../core/reports/service.js";
import type { Locale } from "../i18n/index.js";

// The Google Form's questions map onto the web form's fields: one list of them, in the core.
export const REPORT_FIELDS = REPORT_FORM_FIELDS;
export type ReportField = ReportFormField;

const DEFAULT_TITLES: Record<ReportField, string[]> = {
  reporterEmail: [
    "email",
    "email address",
    "your email",
    "your work email",
    "work email",
    "メールアドレス",
    "メール",
    "会社のメールアドレス",
  ],
  reporterName: ["name", "your name", "full name", "氏名", "お名前", "名前"],
  device: ["device", "which device", "lost device", "デバイス", "紛失したデバイス", "端末", "紛失した端末", "機種"],
  lostAt: ["when", "when did you lose it", "lost at", "date and time", "紛失した日時", "日時", "紛失日時", "いつ"],
  location: ["where", "location", "place", "紛失した場所", "場所", "どこで"],
  circumstances: ["what happened", "circumstances", "状況", "紛失の状況"],
  contactPhone: [
    "phone",
    "phone number",
    "contact phone",
    "a phone number where we can reach you now",
    "連絡先",
    "電話番号",
    "連絡先電話番号",
    "今つながる電話番号",
  ],
  consent: ["consent", "lost mode consent", "同意", "紛失モードへの同意"],
};

export function normaliseTitle(title: string): string {
  return title
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s]+/g, " ")
    .replace(/[?？*:：。.\s]+$/u, "")
    .replace(/\s*\((required|必須)\)$/, "")
    .trim();
}

export type TitleMap = Map<string, ReportField>;

/** The built-in titles plus the configured ones (which win). */
export function titleMap(configured?: string): TitleMap {
  const map: TitleMap = new Map();
  for (const [field, titles] of Object.entries(DEFAULT_TITLES) as [ReportField, string[]][]) {
    for (const title of titles) map.set(normaliseTitle(title), field);
  }
  if (configured) {
    for (const [title, field] of Object.entries(JSON.parse(configured) as Record<string, string>)) {
      if ((REPORT_FIELDS as readonly string[]).includes(field)) map.set(normaliseTitle(title), field as ReportField);
    }
  }
  return map;
}

export interface FormResponse {
  responseId: string;
  respondentEmail?: string | null;
  answers: Record<string, string | string[]>;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function responseToReport(
  response: FormResponse,
  opts: { titles: TitleMap; timeZone: string; now: Date; fallbackLocale: Locale },
): NewReport {
  const fields: Partial<Record<ReportField, string>> = {};
  const unmapped: string[] = [];
  let japanese = false;
  for (const [title, answer] of Object.entries(response.answers)) {
    const value = (Array.isArray(answer) ? answer.join(", ") : String(answer ?? "")).trim();
    if (/[\u3040-\u30ff\u4e00-\u9fff]/.test(title)) japanese = true;
    const field = opts.titles.get(normaliseTitle(title));
    if (field) fields[field] ??= value;
    else if (value) unmapped.push(`${title}: ${value}`);
  }
  const collected = response.respondentEmail?.trim();
  // The address Google collected (signed-in respondent) beats the one typed into a question.
  const email =
    [collected, fields.reporterEmail].find((e) => e && EMAIL.test(e)) ?? fields.reporterEmail ?? collected ?? "";
  const locale: Locale = japanese ? "ja" : opts.fallbackLocale;
  const lostAt = parseLostAt(fields.lostAt ?? "", opts.timeZone, opts.now);
  // Answers to questions we do not know still reach the admins, in the description.
  const description =
    [fields.device, ...unmapped].filter(Boolean).join(" / ") || (locale === "ja" ? "(記載なし)" : "(not stated)");
  return {
    channel: "GOOGLE_FORM",
    externalId: response.responseId,
    reporterEmail: email.slice(0, 254),
    reporterName: fields.reporterName ?? null,
    deviceDescription: description,
    lostAt: lostAt.lostAt,
    lostAtText: lostAt.lostAtText,
    location: fields.location ?? null,
    circumstances: circumstancesOf(fields.circumstances),
    contactPhone: fields.contactPhone ?? null,
    consentLostMode: consentOf(fields.consent),
    locale,
  };
}

function circumstancesOf(answer: string | undefined): NewReport["circumstances"] {
  const a = (answer ?? "").toLowerCase();
  if (/stolen|theft|盗/.test(a)) return "STOLEN";
  if (/left|forgot|置き忘れ|忘れ/.test(a)) return "LEFT_BEHIND";
  return "LOST";
}

function consentOf(answer: string | undefined): boolean {
  const a = (answer ?? "").trim().toLowerCase();
  return a !== "" && !/^(no|false|いいえ|同意しない|しない)$/.test(a);
}
