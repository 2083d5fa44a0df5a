// Reading a command's params whatever spelling the core used (camelCase from our own code,
// Apple's keys from an integrator), so drivers do not depend on one producer's style.
import { retryAfterMs as parseRetryAfter } from "../lib/quota.js";

export function param(params: Record<string, unknown>, ...names: string[]): unknown {
  for (const n of names) {
    const v = params[n];
    if (v !== undefined && v !== null && v !== "") return v;
  }
  return undefined;
}

export function textParam(params: Record<string, unknown>, ...names: string[]): string | undefined {
  const v = param(params, ...names);
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  return undefined;
}

export function boolParam(params: Record<string, unknown>, ...names: string[]): boolean | undefined {
  const v = param(params, ...names);
  return typeof v === "boolean" ? v : undefined;
}

/** A message given as one string or per language ({ja, en}). */
export function localizedParam(
  params: Record<string, unknown>,
  ...names: string[]
): { ja?: string; en?: string; text?: string } | undefined {
  const v = param(params, ...names);
  if (typeof v === "string") return { text: v };
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    const ja = typeof o.ja === "string" ? o.ja : undefined;
    const en = typeof o.en === "string" ? o.en : undefined;
    if (ja || en) return { ja, en };
  }
  return undefined;
}

/** Seconds from a Retry-After header (delta-seconds or an HTTP date), as milliseconds. */
export function retryAfterMs(header: string | null | undefined, now: Date): number | undefined {
  return parseRetryAfter(header, now.getTime());
}
