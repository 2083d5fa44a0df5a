// The app usage policy (the vendor's guide to alert e-mails 「重要なアラートメール設定」): an allow list or a deny list of app IDs. Using an app outside
// the allow list, or one on the deny list, is a violation that arrives as an alert.
import type { Db } from "../../db/client.js";
import type { Actor, Actors } from "../actors.js";
import { audit } from "../audit.js";
import type { Clock } from "../clock.js";
import { InvalidInputError } from "../errors.js";
import { parseCsvUpToBreak } from "../csv.js";

export type PolicyMode = "ALLOW" | "DENY";

export interface PolicyDeps {
  db: Db;
  clock: Clock;
  actors: Actors;
}

/** iOS bundle ids and Android package names: letters, digits, dots, dashes, underscores. */
const APP_ID = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,254}$/;
/** Their shape: reverse-DNS, at least two dot-separated parts (com.google.Maps). "AppID", "app_id", "App ID" are not. */
const APP_ID_SHAPE = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)+$/;
const MAX_ENTRIES = 20_000;
const POLICY_ID = "default";

/** Why a line was refused: a stable name the edge translates (i18n `policy.error.<code>`). */
export type PolicyLineCode =
  | "first_column_empty"
  | "not_app_id"
  | "quote_not_closed"
  | "malformed"
  | "no_app_ids"
  | "too_many";

export interface LineError {
  line: number;
  code: PolicyLineCode;
  /** What the line held (clipped), or the limit, for the translated text. */
  value?: string;
  /** The same in English, for the command line and logs; people in Slack read the translated code. */
  reason: string;
}

const ENGLISH: Record<PolicyLineCode, (value: string) => string> = {
  first_column_empty: () => "the first column is empty",
  not_app_id: (v) => `"${v}" is not an app ID (e.g. com.google.Maps)`,
  quote_not_closed: () => "unterminated quote",
  malformed: () => "unterminated quote",
  no_app_ids: () => "the file has no app IDs",
  too_many: (v) => `at most ${v} app IDs`,
};

function problem(line: number, code: PolicyLineCode, value?: string): LineError {
  return { line, code, ...(value === undefined ? {} : { value }), reason: ENGLISH[code](value ?? "") };
}

/**
 * Reads the seed's CSV: app ID in the first column, no header; blank lines are skipped. A first
 * line whose first column does not have an app ID's shape is a header someone added: it is
 * skipped and named in `header`, never imported as an app. Any later such line is an error.
 */
export function parsePolicyCsv(content: string): { appIds: string[]; errors: LineError[]; header: string | null } {
  const appIds: string[] = [];
  const errors: LineError[] = [];
  let header: string | null = null;
  let seenFirst = false;
  const { rows, broken } = parseCsvUpToBreak(content);
  for (const { line, cells } of rows) {
    const first = cells[0]!.trim();
    const isFirst = !seenFirst;
    seenFirst = true;
    if (isFirst && first && !APP_ID_SHAPE.test(first) && /^[\p{L}\s_-]+$/u.test(first)) header = first.slice(0, 80);
    else if (!first) errors.push(problem(line, "first_column_empty"));
    else if (!APP_ID.test(first) || !APP_ID_SHAPE.test(first))
      errors.push(problem(line, "not_app_id", first.slice(0, 80)));
    else appIds.push(first);
  }
  if (broken) errors.push(problem(broken.line, broken.reason));
  if (!appIds.length && !errors.length) errors.push(problem(1, "no_app_ids"));
  if (appIds.length > MAX_ENTRIES) errors.push(problem(MAX_ENTRIES + 1, "too_many", String(MAX_ENTRIES)));
  return { appIds: [...new Set(appIds)], errors, header };
}

export class AppPolicyService {
  constructor(private readonly deps: PolicyDeps) {}

  async get(): Promise<{ mode: PolicyMode; appIds: string[]; updatedAt: Date | null; updatedBy: string | null }> {
    const policy = await this.deps.db.appPolicy.findUnique({
      where: { id: POLICY_ID },
      include: { entries: { orderBy: { appId: "asc" } } },
    });
    if (!policy) return { mode: "DENY", appIds: [], updatedAt: null, updatedBy: null };
    return {
      mode: policy.mode,
      appIds: policy.entries.map((e) => e.appId),
      updatedAt: policy.updatedAt,
      updatedBy: policy.updatedBy,
    };
  }

  /**
   * Replaces the policy with the file's list, all or nothing: a malformed line is reported by
   * its number and nothing is imported.
   */
  async importCsv(
    actor: Actor,
    mode: PolicyMode,
    content: string,
  ): Promise<{ mode: PolicyMode; count: number; header: string | null }> {
    this.deps.actors.requireSystemAdmin(actor);
    if (mode !== "ALLOW" && mode !== "DENY")
      throw new InvalidInputError("choose allow or deny", {}, { reason: "policy_mode" });
    const { appIds, errors, header } = parsePolicyCsv(content);
    if (errors.length) {
      const shown = errors
        .slice(0, 10)
        .map((e) => `line ${e.line}: ${e.reason}`)
        .join("; ");
      const more = errors.length > 10 ? ` (and ${errors.length - 10} more)` : "";
      throw new InvalidInputError(
        `nothing was imported. ${shown}${more}`,
        { lines: errors.slice(0, 50), count: errors.length },
        { reason: "policy_lines", params: { count: errors.length } },
      );
    }
    const now = this.deps.clock.now();
    await this.deps.db.$transaction(async (tx) => {
      await tx.appPolicy.upsert({
        where: { id: POLICY_ID },
        create: { id: POLICY_ID, mode, updatedBy: actor.id, updatedAt: now },
        update: { mode, updatedBy: actor.id, updatedAt: now },
      });
      await tx.appPolicyEntry.deleteMany({ where: { policyId: POLICY_ID } });
      await tx.appPolicyEntry.createMany({ data: appIds.map((appId) => ({ policyId: POLICY_ID, appId })) });
      await audit(tx, {
        actor: actor.id,
        action: "policy.import",
        subject: "app-policy",
        details: { mode, count: appIds.length, headerSkipped: header },
        at: now,
      });
    });
    return { mode, count: appIds.length, header };
  }

  /** Which of the apps a device uses break the policy. */
  async violations(appIds: string[]): Promise<string[]> {
    const { mode, appIds: listed } = await this.get();
    const set = new Set(listed);
    return appIds.filter((a) => (mode === "ALLOW" ? !set.has(a) : set.has(a)));
  }
}
