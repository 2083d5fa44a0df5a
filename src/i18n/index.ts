// Every user-facing string, in Japanese and English. Each area keeps its own catalog file in
// messages/ (both languages side by side, checked for completeness by the Catalog type) and is
// listed in `catalogs` below.
import { byMinute } from "../lib/by-minute.js";
import { common } from "./messages/common.js";
import { renewals } from "./messages/renewals.js";
import { admin } from "./messages/admin.js";
import { report } from "./messages/report.js";
import { alerts } from "./messages/alerts.js";
import { drivers } from "./messages/drivers.js";
import { commands } from "./messages/commands.js";
import { confirm } from "./messages/confirm.js";
import { company } from "./messages/company.js";
import { setup } from "./messages/setup.js";
import { google } from "./messages/google.js";
import { response } from "./messages/response.js";
import { caseRecord } from "./messages/case.js";
import { enrollment } from "./messages/enrollment.js";
import { apple } from "./messages/apple.js";
import { personal } from "./messages/personal.js";
import { reporter } from "./messages/reporter.js";
import { refusals } from "./messages/refusals.js";

import type { Catalog } from "./catalog.js";

export type { Catalog } from "./catalog.js";

export type Locale = "ja" | "en";
export const LOCALES: readonly Locale[] = ["ja", "en"];

const catalogs = [
  common,
  admin,
  drivers,
  alerts,
  report,
  commands,
  renewals,
  response,
  google,
  setup,
  confirm,
  caseRecord,
  company,
  enrollment,
  apple,
  personal,
  reporter,
  refusals,
];

/** The keys one catalog file holds. */
type KeysOf<C> = C extends Catalog<infer K> ? K : never;
/** Every key the catalogs hold: `t()` accepts nothing else, so a key the catalog lacks does not compile. */
export type MessageKey = KeysOf<(typeof catalogs)[number]>;

const merged: Record<Locale, Record<string, string>> = { en: {}, ja: {} };
for (const c of catalogs) {
  Object.assign(merged.en, c.en);
  Object.assign(merged.ja, c.ja);
}

export function isLocale(v: unknown): v is Locale {
  return v === "ja" || v === "en";
}

/** "ja-JP", "en_US", "en-GB,en;q=0.9" → a supported locale, else the fallback. */
export function pickLocale(candidates: (string | null | undefined)[], fallback: Locale): Locale {
  for (const c of candidates) {
    if (!c) continue;
    for (const part of c.split(",")) {
      const lang = part.trim().slice(0, 2).toLowerCase();
      if (isLocale(lang)) return lang;
    }
  }
  return fallback;
}

/** Values for a text's {placeholders}. */
export type MessageVars = Record<string, string | number>;

/** Translates `key`, filling {placeholders}. Only a key the catalogs hold compiles (see keyOf, textOr). */
export function t(locale: Locale, key: MessageKey, vars: MessageVars = {}): string {
  const template = merged[locale][key] ?? merged.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** A translator bound to one language: what every local `tr` is. */
export type Translate = (key: MessageKey, vars?: MessageVars) => string;

/**
 * The rest of every key under `P`: `KeySuffix<"incident.platform.">` is `"IOS" | "ANDROID" | …`.
 * A prefix as a family of keys, so a value set (a TS union) can be checked against it.
 */
export type KeySuffix<P extends string> = MessageKey extends infer K ? (K extends `${P}${infer S}` ? S : never) : never;

/**
 * The one way to build a key from a value at run time, for enum-to-label maps:
 * `keyOf("command.type.", c.type)` compiles only if the catalog has a key for every value the
 * value's type allows, so a new enum member without its label is a type error.
 */
export function keyOf<P extends string, V extends KeySuffix<P>>(prefix: P, value: V): MessageKey {
  return `${prefix}${value}` as MessageKey;
}

/** Whether the catalogs hold `key`: for keys made of values nobody can list in a type. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(merged.en, key);
}

/**
 * The text for a key made of an open value (a reason code the core names, a code read from a
 * file), or `fallback` when the catalog has no such key: the one place a key is checked at run
 * time rather than by the compiler.
 */
export function textOr(locale: Locale, key: string, fallback: string, vars?: MessageVars): string {
  return isMessageKey(key) ? t(locale, key, vars) : fallback;
}

/** Every key, for the test that finds keys nothing uses (a type cannot see "unused"). */
export const MESSAGE_KEYS = Object.keys(merged.en) as MessageKey[];

/**
 * Every language's text for the keys under `prefix`, by the rest of the key: for input that may
 * come in either language (a spreadsheet's headers). `allTranslations("csv.col.")` →
 * `{ deviceName: ["端末名", "Device name"], … }`.
 */
export function allTranslations(prefix: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const locale of LOCALES) {
    for (const [key, text] of Object.entries(merged[locale])) {
      if (!key.startsWith(prefix)) continue;
      const name = key.slice(prefix.length);
      out[name] = [...(out[name] ?? []), text];
    }
  }
  return out;
}

export function translator(locale: Locale): Translate {
  return (key, vars) => t(locale, key, vars);
}

/**
 * A date and time as a person reads it, in their time zone (Japan time by default):
 * 「12月1日(火) 16:31」 in Japanese, "Tue 1 Dec, 16:31 JST" in English. Japan time is named JST
 * (Intl's en-GB says "GMT+9", which nobody here writes); Japanese readers in Japan see no zone,
 * other zones keep their short name. `year` adds the year, for records read years later.
 */
// Building an Intl.DateTimeFormat costs about 0.3 ms; a digest with thousands of DMs formats
// tens of thousands of dates, so each (kind, language, zone) formatter is built once.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: "datetime" | "date", locale: Locale, timeZone: string): Intl.DateTimeFormat {
  const key = `${kind}|${locale}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f =
      kind === "date"
        ? new Intl.DateTimeFormat(locale === "ja" ? "ja-JP" : "en-GB", {
            timeZone,
            year: "numeric",
            month: "short",
            day: "numeric",
          })
        : new Intl.DateTimeFormat(locale === "ja" ? "ja-JP" : "en-US", {
            timeZone,
            year: "numeric",
            month: locale === "ja" ? "numeric" : "short",
            day: "numeric",
            weekday: "short",
            hour: "2-digit",
            minute: "2-digit",
            hourCycle: "h23",
            timeZoneName: "short",
          });
    formatters.set(key, f);
  }
  return f;
}

const TOKYO = new Set(["Asia/Tokyo", "Japan"]);

// Remembered per minute (lib/by-minute.ts): 20,000 digest DMs of ten alert lines each spent
// seconds in formatToParts.
const formatCached = byMinute(
  (d: Date, locale: Locale, timeZone: string, year: boolean) => formatUncached(d, locale, timeZone, { year }),
  10_000,
);

export function formatDateTime(
  d: Date,
  locale: Locale,
  timeZone = "Asia/Tokyo",
  opts: { year?: boolean } = {},
): string {
  return formatCached(d, locale, timeZone, Boolean(opts.year));
}

function formatUncached(d: Date, locale: Locale, timeZone: string, opts: { year?: boolean }): string {
  const parts: Record<string, string> = {};
  for (const p of formatter("datetime", locale, timeZone).formatToParts(d)) parts[p.type] = p.value;
  const time = `${parts.hour}:${parts.minute}`;
  const tokyo = TOKYO.has(timeZone);
  if (locale === "ja") {
    const zone = tokyo ? "" : ` ${parts.timeZoneName}`;
    return `${opts.year ? `${parts.year}年` : ""}${parts.month}月${parts.day}日(${parts.weekday}) ${time}${zone}`;
  }
  const zone = tokyo ? "JST" : parts.timeZoneName;
  return `${parts.weekday} ${parts.day} ${parts.month}${opts.year ? ` ${parts.year}` : ""}, ${time} ${zone}`;
}
export function formatDate(d: Date, locale: Locale, timeZone = "Asia/Tokyo"): string {
  return formatter("date", locale, timeZone).format(d);
}
