// The /mdm subcommands, one file each in this folder, listed in `subcommands`.
// Authorisation is the core's job; a subcommand's `audience` only shapes the help text.
import type { Actor } from "../../core/actors.js";
import { t, type Locale } from "../../i18n/index.js";
import { usageLine, type MdmSubcommand } from "./subcommand.js";
import { cert } from "./cert.js";
import { certs } from "./certs.js";
import { custody } from "./custody.js";
import { handover } from "./handover.js";
import { renewals } from "./renewals.js";
import { device } from "./device.js";
import { exportInventory } from "./export.js";
import { importInventory } from "./import.js";
import { lang } from "./lang.js";
import { reports } from "./reports.js";
import { alerts } from "./alerts.js";
import { digest } from "./digest.js";
import { policy } from "./policy.js";
import { brake } from "./brake.js";
import { bulk } from "./bulk.js";
import { caseRecord } from "./case.js";
import { company } from "./company.js";
import { enroll } from "./enroll.js";
import { byod } from "./byod.js";

export const subcommands: MdmSubcommand[] = [
  device,
  reports,
  exportInventory,
  importInventory,
  lang,
  digest,
  alerts,
  policy,
  cert,
  certs,
  renewals,
  custody,
  handover,
  brake,
  bulk,
  caseRecord,
  company,
  enroll,
  byod,
];

export function findSubcommand(name: string): MdmSubcommand | undefined {
  const n = name.toLowerCase();
  if (n === "help")
    return {
      name: "help",
      usageKey: "mdm.help.help",
      run: async (c) =>
        void (await c.respond({ response_type: "ephemeral", text: helpText(c.locale, undefined, c.actor) })),
    };
  return subcommands.find((s) => s.name === n || s.aliases?.includes(n));
}

/**
 * `/mdm help` for this person: what they may use — an employee sees /lost and their own
 * settings, an administrator the admin commands too, a system administrator everything.
 * Without an actor (tests, docs) the whole list.
 */
export function helpText(locale: Locale, unknown?: string, actor?: Actor): string {
  const level = !actor ? 2 : actor.systemAdmin ? 2 : actor.adminOf.length ? 1 : 0;
  const rank = { everyone: 0, admins: 1, system_admins: 2 } as const;
  const shown = subcommands.filter((s) => rank[s.audience ?? "admins"] <= level);
  const lines = [...shown.map((s) => s.usageKey), "mdm.help.help" as const].map((key) => usageLine(locale, key));
  const head = unknown && unknown !== "help" ? t(locale, "mdm.unknown", { name: unknown }) + "\n" : "";
  const lost = t(locale, "mdm.help.lost");
  if (level === 0) return `${head}${lost}\n${t(locale, "mdm.help.title_employee")}\n${lines.join("\n")}`;
  return `${head}${lost}\n${t(locale, "mdm.help.title")}\n${lines.join("\n")}\n${t(locale, "mdm.help.footer")}`;
}

/** Splits on spaces, keeping "quoted words" together. */
export function splitArgs(text: string): string[] {
  return [...text.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}
