// What one setup check found. A check never throws: whatever went wrong becomes `failing` with
// the reason in words and the README section that fixes it.
import type { KeySuffix, MessageKey } from "../i18n/index.js";

export type CheckStatus = "ok" | "not_configured" | "failing" | "warning";
/** A check's id: its title is the catalog's `setup.title.<id>`. */
export type CheckId = KeySuffix<"setup.title.">;

export interface CheckResult {
  /** Stable id, e.g. "slack.channel" (also the rest of its title's catalog key). */
  id: CheckId;
  status: CheckStatus;
  /** i18n key of the one-line explanation, and its values. Never a secret. */
  detail: MessageKey;
  vars?: Record<string, string | number>;
  /** README anchor of the section that fixes it, e.g. "creating-the-slack-app". */
  fix?: string;
}

export const check = (
  id: CheckId,
  status: CheckStatus,
  detail: MessageKey,
  vars?: Record<string, string | number>,
  fix?: string,
): CheckResult => ({
  id,
  status,
  detail,
  ...(vars ? { vars } : {}),
  ...(fix ? { fix } : {}),
});

/** Something configured that does not work, or will stop working soon: what /healthz reports as degraded. */
export const isDegraded = (r: CheckResult) => r.status === "failing" || r.status === "warning";
