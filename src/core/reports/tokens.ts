// The public status link's token: 32 random bytes in the link, only its sha256 in the database,
// so a leaked database does not reveal anyone's status page.
import { createHash, randomBytes } from "node:crypto";

export function newStatusToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashStatusToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Tokens we hand out are base64url of 32 bytes; anything else is not worth a database query. */
export function looksLikeStatusToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{20,100}$/.test(token);
}
