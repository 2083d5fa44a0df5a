// Reading an expiry out of Apple's token files where their format allows it.
// - VPP content token (.vpptoken): base64 of JSON {token, expDate, orgName} — readable.
// - ADE server token (.p7m): S/MIME encrypted to the MDM server's key — unreadable here, so the
//   expiry shown in Apple Business Manager is entered by hand; a decrypted token's JSON works.
import type { RenewalKind } from "../../generated/prisma/client.js";
import { InvalidInputError } from "../errors.js";

export interface TokenFacts {
  expiresAt: Date;
  orgName?: string;
}

export function readTokenFile(kind: RenewalKind, filename: string, content: Buffer): TokenFacts {
  const text = content.toString("utf8").trim();
  const json = parseJsonLoosely(text) ?? parseJsonLoosely(Buffer.from(text, "base64").toString("utf8"));
  if (kind === "VPP_TOKEN" && json && typeof json.expDate === "string") {
    return {
      expiresAt: parseAppleDate(json.expDate),
      orgName: typeof json.orgName === "string" ? json.orgName : undefined,
    };
  }
  if (kind === "ADE_TOKEN" && json && typeof json.access_token_expiry === "string") {
    return { expiresAt: parseAppleDate(json.access_token_expiry) };
  }
  if (kind === "ADE_TOKEN" && (/\.p7m$/i.test(filename) || text.includes("application/pkcs7-mime"))) {
    throw new InvalidInputError(
      "The ADE server token (.p7m) is encrypted for your MDM server, so its expiry cannot be read here. Enter the expiry date shown in Apple Business Manager (Settings → your MDM server).",
      { reason: "ade_encrypted" },
      { reason: "renewal.ade_encrypted" },
    );
  }
  throw new InvalidInputError(
    "The expiry could not be read from this file. Enter the date shown in Apple Business Manager instead.",
    { reason: "token_unreadable" },
    { reason: "renewal.token_unreadable" },
  );
}

function parseJsonLoosely(text: string): Record<string, unknown> | null {
  const start = text.indexOf("{");
  const end = text.lastIndexOf("}");
  if (start < 0 || end <= start) return null;
  try {
    const v = JSON.parse(text.slice(start, end + 1));
    return v && typeof v === "object" ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Apple writes "2027-11-20T10:00:00+0000"; accept that and plain ISO. */
export function parseAppleDate(s: string): Date {
  const d = new Date(s.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
  if (Number.isNaN(d.getTime())) throw new InvalidInputError(`"${s}" is not a date.`, {}, { reason: "input.not_date" });
  return d;
}
